// Where each public URL lives in the static mirror, and how a link written
// for Candor's origin is written inside it. Pure: no I/O.
//
// The mirror is laid out by URL path so any static host answers the same
// URLs: pages become folders with an index.html (`/incidents/x` →
// `incidents/x/index.html`), history pages get path URLs (`/history?page=2`
// → `history/2/`), everything else keeps its path (`api/v2/summary.json`,
// `api/banner`, `history.rss`, `_next/static/…`). Links are made relative, so
// the mirror works at a bucket prefix and from any host name.

/** A URL path with its query, as the public pages link to it: "/history?page=2". */
type PublicPath = string;

const HISTORY_PAGE = /^\/history\?page=(\d+)$/;
const PAGE_PATH = /^\/incidents\/[A-Za-z0-9_-]{1,64}(\/postmortem)?$/;

/** The file a public path is stored as, relative to the mirror's root; null when the mirror does not hold it. */
export function mirrorFileOf(path: PublicPath): string | null {
  const folder = mirrorFolderOf(path);
  if (folder !== null) return `${folder}index.html`;
  if (path.includes("?") || path.includes("#") || path.includes("..")) return null;
  return path.slice(1) || null;
}

/** The folder URL of a page ("" for the front page, "history/2/"), or null when the path is not a page. */
function mirrorFolderOf(path: PublicPath): string | null {
  if (path === "/") return "";
  if (path === "/history" || path === "/history?page=1") return "history/";
  const history = HISTORY_PAGE.exec(path);
  if (history) return `history/${Number(history[1])}/`;
  if (PAGE_PATH.test(path)) return `${path.slice(1)}/`;
  return null;
}

/** The URL inside the mirror a link to `path` should use: the page's folder, or the file itself. */
function mirrorUrlOf(path: PublicPath): string | null {
  const folder = mirrorFolderOf(path);
  if (folder !== null) return folder;
  return mirrorFileOf(path);
}

/** `target` (relative to the root) as seen from the file `from` (relative to the root). */
export function relativeUrl(from: string, target: string): string {
  const depth = from.split("/").length - 1;
  const up = "../".repeat(depth);
  return up + target || "./";
}

export interface LinkContext {
  /** The file being written, relative to the mirror's root. */
  file: string;
  /** Paths the mirror holds (pages and files). */
  has: (path: PublicPath) => boolean;
  /** Candor's public URL, for links to what only Candor can answer (sign-in, subscribe, unsubscribe). */
  publicUrl: string;
}

/**
 * A root-relative link from a page, rewritten for the mirror: relative when
 * the mirror holds the target, absolute on Candor's origin otherwise (those
 * need Candor and work again when it is back). Other links are left alone.
 */
export function rewriteLink(link: string, context: LinkContext): string {
  const origin = new URL(context.publicUrl).origin;
  // Candor's own absolute links (feeds' alternate links) are links into the mirror too.
  if (link === origin || link.startsWith(`${origin}/`)) link = link.slice(origin.length) || "/";
  else if (!link.startsWith("/") || link.startsWith("//")) return link;
  const hashAt = link.indexOf("#");
  const hash = hashAt >= 0 ? link.slice(hashAt) : "";
  const path = hashAt >= 0 ? link.slice(0, hashAt) : link;
  const inside = context.has(path) ? mirrorUrlOf(path) : context.has(assetPathOf(path)) ? mirrorFileOf(assetPathOf(path)) : null;
  if (inside !== null) return relativeUrl(context.file, inside) + hash;
  return new URL(link, context.publicUrl).toString();
}

/**
 * A file's path without its query: Next links its icon with a cache-busting
 * query ("/icon.svg?icon.1a2b.svg"); the mirror stores the file once.
 */
export function assetPathOf(path: PublicPath): PublicPath {
  return mirrorFolderOf(path) === null ? path.split("?")[0]! : path;
}
