import { errorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

function notFound() {
  return errorResponse(404, "not_found", "No such API endpoint. The reference is at /api/v1/docs.");
}

export const GET = notFound;
export const POST = notFound;
export const PATCH = notFound;
export const PUT = notFound;
export const DELETE = notFound;
