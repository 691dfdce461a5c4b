import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getBanner);
export const POST = route(ENDPOINTS.publishBanner);
export const DELETE = route(ENDPOINTS.clearBanner);
