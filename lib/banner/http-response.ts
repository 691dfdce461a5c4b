// The /api/banner response, built once per second per instance and shared by
// Next's route handler and Candor's server fast path: a spike of login pages
// costs one database read a second and a byte copy per request.
import { createHash } from "node:crypto";
import { getPublicBanner } from "./public-banner";

export const BANNER_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Max-Age": "86400",
} as const;

// Short: a new wording reaches login pages within seconds; stale copies may stand in while Candor is down.
const CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30, stale-if-error=86400";
const REUSE_MS = 1_000;

export interface BannerHttpResponse {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

interface Built {
  at: number;
  etag: string;
  ok: BannerHttpResponse;
  notModified: BannerHttpResponse;
}

let built: Built | undefined;
let building: Promise<Built> | undefined;

function isFresh(entry: Built | undefined, now: number): entry is Built {
  return entry !== undefined && now >= entry.at && now - entry.at <= REUSE_MS;
}

async function build(now: number): Promise<Built> {
  const body = Buffer.from(JSON.stringify({ banner: await getPublicBanner(new Date(now)) }));
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...BANNER_CORS_HEADERS, "Cache-Control": CACHE_CONTROL, ETag: etag };
  return {
    at: now,
    etag,
    ok: { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length) }, body },
    notModified: { status: 304, headers, body: null },
  };
}

function choose(entry: Built, ifNoneMatch: string | null | undefined): BannerHttpResponse {
  return ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === entry.etag) ? entry.notModified : entry.ok;
}

/** The response while the built one is fresh, without waiting; undefined when it must be rebuilt. */
export function peekBannerResponse(ifNoneMatch: string | null | undefined, now = Date.now()): BannerHttpResponse | undefined {
  return isFresh(built, now) ? choose(built, ifNoneMatch) : undefined;
}

export async function bannerHttpResponse(ifNoneMatch: string | null | undefined, now = Date.now()): Promise<BannerHttpResponse> {
  if (!isFresh(built, now)) {
    // One rebuild at a time: a thousand waiting requests share one database read.
    building ??= build(now).finally(() => (building = undefined));
    built = await building;
  }
  return choose(built, ifNoneMatch);
}
