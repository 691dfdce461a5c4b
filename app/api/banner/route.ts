import { createHash } from "node:crypto";
import { getPublicBanner } from "@/lib/banner/public-banner";

export const dynamic = "force-dynamic";

const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Max-Age": "86400" };
// Short: a new wording reaches login pages within seconds; stale copies may stand in while Candor is down.
const CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30, stale-if-error=86400";

export async function GET(request: Request) {
  const body = JSON.stringify({ banner: await getPublicBanner() });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...CORS, "Cache-Control": CACHE_CONTROL, ETag: etag, Vary: "Accept-Encoding" };
  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
