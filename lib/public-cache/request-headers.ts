// The few request headers the cache reads, found in one pass over the raw
// list: building Node's `request.headers` object costs a tenth of the
// throughput of a cache hit.
import type { IncomingMessage } from "node:http";

export interface CacheRequestHeaders {
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  /** Next's client router asks for React Server Component payloads, not HTML. */
  fromRouter: boolean;
  /** The router's headers, when it sent any (lib/public-cache/rsc.ts decides what is cached). */
  router?: { rsc?: string; stateTree?: string; nextUrl?: string; /** A prefetch or an action: never cached. */ other: boolean };
}

const ROUTER_HEADERS = new Set([
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
]);

export function readCacheHeaders(request: Pick<IncomingMessage, "rawHeaders">): CacheRequestHeaders {
  const raw = request.rawHeaders;
  const found: CacheRequestHeaders = { acceptEncoding: undefined, ifNoneMatch: undefined, fromRouter: false };
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    if (name === "accept-encoding") found.acceptEncoding = raw[index + 1];
    else if (name === "if-none-match") found.ifNoneMatch = raw[index + 1];
    else if (ROUTER_HEADERS.has(name)) {
      found.fromRouter = true;
      const router = (found.router ??= { other: false });
      const value = raw[index + 1];
      // A header twice reaches Next joined: left to Next.
      if (name === "rsc" && router.rsc === undefined) router.rsc = value;
      else if (name === "next-router-state-tree" && router.stateTree === undefined) router.stateTree = value;
      else if (name === "next-url" && router.nextUrl === undefined) router.nextUrl = value;
      else router.other = true;
    }
  }
  return found;
}
