import { BANNER_CORS_HEADERS, bannerHttpResponse } from "@/lib/banner/http-response";

export const dynamic = "force-dynamic";

// Candor's server answers this path itself before Next (server.ts); this
// handler serves it under `next dev` and any other Next host.
export async function GET(request: Request) {
  const response = await bannerHttpResponse(request.headers.get("if-none-match"));
  return new Response(response.body ? new Uint8Array(response.body) : null, { status: response.status, headers: response.headers });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: BANNER_CORS_HEADERS });
}
