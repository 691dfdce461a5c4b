// Next.js's request proxy (formerly middleware): adds the security headers
// (lib/http/security-headers.ts) to every response Next.js sends, including
// those the front server caches.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const response = NextResponse.next();
  const headers = securityHeaders(request.nextUrl.pathname, {
    publicUrl: env.PUBLIC_URL,
    frameAncestors: env.CANDOR_FRAME_ANCESTORS,
    isDevelopment: env.NODE_ENV === "development",
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
