// Turns a response Next rendered into a cache entry: cleaned headers, an
// ETag, and gzip and brotli bodies made once (brotli just after the entry is
// first served).
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import type { CachedResponse, Encoding } from "./response-cache";
import type { PublicRouteKind } from "./routes";

const brotli = promisify(brotliCompress);
/** Bodies above this are compressed at a quality that takes milliseconds, not seconds. */
const LARGE_BODY_BYTES = 256 * 1024;
const gzipAsync = promisify(gzip);

/**
 * Browsers revalidate every time (a cheap 304 from the cache here), so an
 * operator who just posted an update sees it; a CDN keeps a copy 10 s, serves
 * it stale while fetching the next, and for a day while Candor is down.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400";
const STATIC_CACHE_CONTROL = "public, max-age=31536000, immutable";
// A chunk missing now may exist after the next deploy: no one keeps the 404.
const MISSING_STATIC_CACHE_CONTROL = "no-store";

// Replaced by the cache's own, or meaningless once stored.
const DROPPED_HEADERS = new Set([
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "etag",
  "keep-alive",
  "set-cookie",
  "transfer-encoding",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "x-powered-by",
]);

/**
 * A window just large enough for the body: brotli's default (4 MiB) makes
 * each quality-11 compression set up tables for a window far larger than a
 * page, in native memory; the output is the same size and it runs about a
 * third faster (a 43 KB page: 124 ms instead of 183 ms here).
 */
export function brotliWindowBits(bytes: number): number {
  return Math.min(zlib.BROTLI_MAX_WINDOW_BITS, Math.max(zlib.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));
}

export interface RenderedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Only complete, visitor-independent answers are kept. */
export function isCacheable(response: RenderedResponse): boolean {
  return (response.status === 200 || response.status === 404) && response.headers["set-cookie"] === undefined;
}

export async function buildEntry(
  response: RenderedResponse,
  kind: PublicRouteKind,
  generation: number | "static",
): Promise<CachedResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && !DROPPED_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // A route that chose its own public lifetime (the embed script) keeps it;
  // pages, which Next marks private and uncacheable, get the public one.
  const chosen =
    typeof response.headers["cache-control"] === "string" && response.headers["cache-control"].startsWith("public")
      ? response.headers["cache-control"]
      : null;
  headers["cache-control"] =
    kind === "static" ? (response.status === 200 ? STATIC_CACHE_CONTROL : MISSING_STATIC_CACHE_CONTROL) : (chosen ?? PUBLIC_CACHE_CONTROL);
  headers["vary"] = "Accept-Encoding";
  const identity = response.body;
  // Gzip takes milliseconds even for a page of 200 components; brotli follows (withBrotli), so a change is served without waiting for it.
  const gz = await gzipAsync(identity, { level: identity.length > LARGE_BODY_BYTES ? 6 : 9 });
  const etag = createHash("sha1").update(identity).digest("base64url").slice(0, 22);
  const entry = prepareEntry({ generation, status: response.status, headers, etag, bodies: { identity, gzip: gz } });
  entry.renderedAt = Date.now();
  return entry;
}

/**
 * The entry with a brotli body too. Brotli's best quality runs near 1 MB/s:
 * fine for a 50 KB page, seconds for a page of 200 components, so larger
 * bodies get a quality that takes milliseconds.
 */
export async function withBrotli(entry: CachedResponse): Promise<CachedResponse> {
  const { identity } = entry.bodies;
  const br = await brotli(identity, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: identity.length > LARGE_BODY_BYTES ? 5 : 11,
      [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
      [zlib.BROTLI_PARAM_LGWIN]: brotliWindowBits(identity.length),
    },
  });
  const complete = prepareEntry({ ...entry, bodies: { ...entry.bodies, br } });
  complete.renderedAt = entry.renderedAt;
  return complete;
}

/** The entry with its ready-made headers for each encoding it has. */
export function prepareEntry(fields: Pick<CachedResponse, "generation" | "status" | "headers" | "etag" | "bodies">): CachedResponse {
  const prepare = (encoding: Encoding, body: Buffer) => {
    const tag = `"${fields.etag}${encoding === "identity" ? "" : `-${encoding}`}"`;
    const full: Record<string, string> = { ...fields.headers, etag: tag, "content-length": String(body.length) };
    if (encoding !== "identity") full["content-encoding"] = encoding;
    const notModified: Record<string, string> = { ...fields.headers, etag: tag };
    delete notModified["content-type"];
    return { full, notModified };
  };
  const { bodies } = fields;
  return {
    ...fields,
    bytes: bodies.identity.length + bodies.gzip.length + (bodies.br?.length ?? 0),
    prepared: {
      identity: prepare("identity", bodies.identity),
      gzip: prepare("gzip", bodies.gzip),
      br: bodies.br && prepare("br", bodies.br),
    },
    lastUsed: 0,
  };
}
