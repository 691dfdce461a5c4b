// Refreshes from Next's client router (an open public page calls
// router.refresh() on each snapshot change): a React Server Component
// payload, not HTML, for the same page. They are cached per snapshot like
// the HTML, keyed on the page and the `_rsc` search parameter, which the
// client computes from the headers the payload depends on: the key is
// checked against those headers here (as Next does), so a request whose
// parameter does not match them is never answered from, or stored under,
// another's key.
import { createHash } from "node:crypto";
import type { CacheRequestHeaders } from "./request-headers";

/** What a cached payload varies on, for shared caches in front (Next sends the same). */
export const RSC_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";

export interface RscVariant {
  /** The request's URL without `_rsc`, for the page's route. */
  pageUrl: string;
  /** The checked `_rsc` value. */
  hash: string;
  /** Headers the render must carry to Next. */
  headers: Record<string, string>;
}

/** Next's cache-busting parameter: SHA-256 of the header values, 96 bits, base64url (next/dist/shared/lib/router/utils/cache-busting-search-param.js). */
export function rscHash(stateTree: string | undefined, nextUrl: string | undefined): string {
  if (stateTree === undefined && nextUrl === undefined) return "";
  const input = ["0", "0", stateTree ?? "0", nextUrl ?? "0"].join(",");
  return createHash("sha256").update(input).digest().subarray(0, 12).toString("base64url");
}

/**
 * The variant of a router refresh (RSC: 1, not a prefetch, not an action)
 * whose `_rsc` matches its headers, or null: anything else goes to Next.
 */
export function rscVariant(rawUrl: string, headers: CacheRequestHeaders): RscVariant | null {
  const router = headers.router;
  if (!router || router.rsc !== "1" || router.other) return null;
  const query = rawUrl.indexOf("?");
  if (query < 0) return null;
  const params = new URLSearchParams(rawUrl.slice(query + 1));
  const hash = params.get("_rsc");
  if (!hash || params.getAll("_rsc").length !== 1 || hash !== rscHash(router.stateTree, router.nextUrl)) return null;
  params.delete("_rsc");
  const rest = params.toString();
  const forwarded: Record<string, string> = { rsc: "1" };
  if (router.stateTree !== undefined) forwarded["next-router-state-tree"] = router.stateTree;
  if (router.nextUrl !== undefined) forwarded["next-url"] = router.nextUrl;
  return { pageUrl: rawUrl.slice(0, query) + (rest ? `?${rest}` : ""), hash, headers: forwarded };
}
