import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.extendMaintenance);
