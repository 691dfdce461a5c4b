// Which requests Candor's server answers from its public response cache, and
// under which key (pure: everything not listed here goes to Next untouched).
import { V2_ENDPOINTS } from "../statuspage-api/to-v2";
import { isSubscribeErrorCode } from "../subscribers/page-messages";

export type PublicRouteKind = "page" | "static";

export interface PublicRoute {
  /** The cache key: the normalised path and query. */
  key: string;
  /** What Next renders for this key (equal to the key, but for unknown incidents). */
  renderPath: string;
  kind: PublicRouteKind;
}

const FIXED_PAGES = new Set([
  "/",
  "/history.rss",
  "/history.atom",
  "/maintenance.ics",
  "/api/banner",
  "/embed/banner.js",
  "/icon.svg",
  "/subscribe/sent",
  ...Object.keys(V2_ENDPOINTS).map((name) => `/api/v2/${name}.json`),
]);
const LOGO_PATHS = new Set(["/logo/light", "/logo/dark"]);
const INCIDENT_PATH = /^\/incidents\/([A-Za-z0-9_-]{1,64})(\/postmortem)?$/;
const API_INCIDENT_PATH = /^\/api\/v2\/(incidents|scheduled-maintenances)\/([A-Za-z0-9_-]{1,64})\.json$/;
const MAX_HISTORY_PAGE = 10_000;
/** Every unknown incident id shares one cached 404 page, rendered for this id. */
export const UNKNOWN_INCIDENT_ID = "unknown";

/**
 * The route of a GET or HEAD (the caller leaves out other methods and
 * requests from Next's client router, whose payloads differ from the HTML).
 */
export function classifyPublicRequest(
  rawUrl: string | undefined,
  isKnownIncident: (id: string) => boolean,
  historyPages = MAX_HISTORY_PAGE,
): PublicRoute | null {
  if (!rawUrl || rawUrl.length > 2_048 || rawUrl[0] !== "/" || rawUrl.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(rawUrl, "http://candor.invalid");
  } catch {
    return null;
  }
  if (url.searchParams.has("_rsc")) return null;
  const { pathname } = url;
  if (pathname.startsWith("/_next/static/")) return { key: pathname, renderPath: pathname, kind: "static" };
  if (FIXED_PAGES.has(pathname)) return page(pathname);
  if (LOGO_PATHS.has(pathname)) {
    // Pages link the logo as ?v=<hash>, always the current one: one entry with
    // the long lifetime whatever the hash, one without, so no one can fill the cache.
    return page(url.searchParams.has("v") ? `${pathname}?v=1` : pathname);
  }
  if (pathname === "/history") {
    const number = Number(url.searchParams.get("page") ?? "1");
    const historyPage = Number.isInteger(number) && number >= 1 && number <= MAX_HISTORY_PAGE ? number : 1;
    // Every page past the last shares one entry: the history page's 404.
    if (historyPage > historyPages) return { key: "/history?page=past", renderPath: `/history?page=${historyPages + 1}`, kind: "page" };
    return page(historyPage === 1 ? "/history" : `/history?page=${historyPage}`);
  }
  if (pathname === "/subscribe") {
    // One entry per known error code; anything else is the plain form.
    const error = url.searchParams.get("error");
    return page(isSubscribeErrorCode(error) ? `/subscribe?error=${error}` : "/subscribe");
  }
  const incident = INCIDENT_PATH.exec(pathname);
  if (incident) {
    const [, id, postmortem = ""] = incident;
    return isKnownIncident(id!)
      ? page(pathname)
      : { key: `/incidents/?${postmortem}`, renderPath: `/incidents/${UNKNOWN_INCIDENT_ID}${postmortem}`, kind: "page" };
  }
  const apiIncident = API_INCIDENT_PATH.exec(pathname);
  if (apiIncident) {
    const [, collection, id] = apiIncident;
    return isKnownIncident(id!)
      ? page(pathname)
      : { key: `/api/v2/${collection}/?`, renderPath: `/api/v2/${collection}/${UNKNOWN_INCIDENT_ID}.json`, kind: "page" };
  }
  return null;
}

function page(path: string): PublicRoute {
  return { key: path, renderPath: path, kind: "page" };
}

/** False when the path's percent-encoding is broken. */
export function isDecodablePath(rawUrl: string | undefined): boolean {
  // Most addresses have nothing to decode.
  if (!rawUrl?.includes("%")) return true;
  const pathname = rawUrl.split("?")[0]!;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
