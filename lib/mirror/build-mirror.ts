// Builds the static mirror's file set: every public page, feed and JSON
// endpoint rendered exactly as Candor serves it (through `render`, the same
// way the front server asks Next.js), then made self-contained for a static
// host (lib/mirror/transform.ts), plus the stylesheets, fonts and images
// those pages load. No database access here: the caller lists the incidents.
import { createHash } from "node:crypto";
import type { RenderedResponse } from "../public-cache/build-entry";
import { V2_ENDPOINTS } from "../statuspage-api/to-v2";
import { assetPathOf, mirrorFileOf } from "./layout";
import { cssAssetsOf, insertNotice, linksOf, mirrorEmbedScript, mirrorNotice, rewriteLinks, stripScripts, utcTimesNote } from "./transform";

export type RenderPath = (path: string) => Promise<RenderedResponse>;

/** Short for pages and JSON (a CDN checks again soon), a day of stale copies if the bucket fails. */
export const PAGE_CACHE_CONTROL = "public, max-age=30, stale-if-error=86400";
/** Next's hashed build files never change under the same name. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
const FILE_CACHE_CONTROL = "public, max-age=3600";

export interface MirrorFile {
  /** Where it lives, relative to the mirror's root: "index.html", "api/v2/summary.json". */
  file: string;
  /** Null for a page reused from the last push unrendered (the bucket holds it). */
  body: Buffer | null;
  contentType: string;
  cacheControl: string;
  /** SHA-256 of the body, hex: what the push compares with its manifest. */
  hash: string;
  /** Pages: a hash of the page without its mirror notice, the time that notice gives, and what it was rendered from. */
  page?: { contentHash: string; updatedAt: string; source?: string };
  /** Pages and data are uploaded after the files they load, and the front page last (see push order). */
  kind: "asset" | "data" | "page" | "front";
}

export interface MirrorListing {
  incidentIds: string[];
  /** Incidents whose postmortem is published. */
  postmortemIncidentIds: string[];
  /** Visible components: each has its own history feed. */
  componentIds: string[];
  /** Pages by path with a fingerprint of the rows they show; a page whose fingerprint is unchanged since the last push is not rendered again. */
  fingerprints?: ReadonlyMap<string, string>;
}

export interface BuildMirrorOptions {
  render: RenderPath;
  listing: MirrorListing;
  publicUrl: string;
  now?: Date;
  /**
   * The last push's pages, by file: a page whose content did not change
   * keeps its notice's time (so its bytes stay equal); a page whose source
   * fingerprint did not change is not rendered at all (its entry is reused,
   * with `body` null: the bucket has it).
   */
  previousPages?: ReadonlyMap<string, { hash: string; contentHash: string; updatedAt: string; source?: string }>;
}

const EMBED_SCRIPT = "/embed/banner.js";
const DATA_PATHS = [
  ...Object.keys(V2_ENDPOINTS).map((name) => `/api/v2/${name}.json`),
  "/api/banner",
  EMBED_SCRIPT,
  "/history.rss",
  "/history.atom",
  "/maintenance.ics",
];
const DATA_PATH_SET = new Set(DATA_PATHS);
const MAX_HISTORY_PAGES = 10_000;
const PARALLEL_RENDERS = 4;

export class MirrorRenderError extends Error {
  constructor(path: string, detail: string) {
    super(`Could not render ${path} for the mirror: ${detail}`);
    this.name = "MirrorRenderError";
  }
}

const sha256 = (body: Buffer | string) => createHash("sha256").update(body).digest("hex");

function headerOf(response: RenderedResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

async function renderOk(render: RenderPath, path: string): Promise<RenderedResponse> {
  const response = await render(path);
  if (response.status !== 200) throw new MirrorRenderError(path, `status ${response.status}`);
  return response;
}

async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL_RENDERS, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** History pages: /history, then ?page=2… until the first that is not found. */
async function renderHistory(render: RenderPath): Promise<Map<string, RenderedResponse>> {
  const pages = new Map([["/history", await renderOk(render, "/history")]]);
  for (let number = 2; number <= MAX_HISTORY_PAGES; number++) {
    const path = `/history?page=${number}`;
    const response = await render(path);
    if (response.status === 404) break;
    if (response.status !== 200) throw new MirrorRenderError(path, `status ${response.status}`);
    pages.set(path, response);
  }
  return pages;
}

/** Every page, rendered (but those `isUnchanged` names); an incident deleted since it was listed (404) is left out. */
async function renderPages(
  render: RenderPath,
  listing: MirrorListing,
  isUnchanged: (path: string) => boolean,
  front: RenderedResponse,
): Promise<Map<string, RenderedResponse>> {
  const pages = new Map([["/", front]]);
  for (const [path, response] of await renderHistory(render)) pages.set(path, response);
  const incidentPaths = [
    ...listing.incidentIds.map((id) => `/incidents/${id}`),
    ...listing.postmortemIncidentIds.map((id) => `/incidents/${id}/postmortem`),
  ].filter((path) => !isUnchanged(path));
  const rendered = await inParallel(incidentPaths, (path) => render(path));
  incidentPaths.forEach((path, index) => {
    const response = rendered[index]!;
    if (response.status === 200) pages.set(path, response);
    else if (response.status !== 404) throw new MirrorRenderError(path, `status ${response.status}`);
  });
  return pages;
}

/** A file the pages load: Next's build output, one of the top-level public files (favicon, icons), or the uploaded logo. */
function isAssetPath(path: string): boolean {
  if (path.includes("?") || path.startsWith("/api/")) return false;
  if (path === "/logo/light" || path === "/logo/dark") return true;
  if (DATA_PATH_SET.has(path)) return false;
  if (path.startsWith("/_next/static/")) return true;
  return /^\/[^/]+\.(ico|svg|png|jpe?g|webp|gif|woff2?|css|txt)$/i.test(path);
}

/** The assets pages load, and those their stylesheets load in turn; a missing one is left out (its link goes to the origin). */
async function renderAssets(render: RenderPath, wanted: Iterable<string>): Promise<Map<string, RenderedResponse>> {
  const assets = new Map<string, RenderedResponse>();
  let queue = [...new Set([...wanted].map(assetPathOf))].filter(isAssetPath);
  while (queue.length > 0) {
    const batch = queue.filter((path) => !assets.has(path));
    queue = [];
    const rendered = await inParallel(batch, (path) => render(path));
    batch.forEach((path, index) => {
      const response = rendered[index]!;
      if (response.status !== 200) return;
      assets.set(path, response);
      if ((headerOf(response, "content-type") ?? "").startsWith("text/css"))
        queue.push(...cssAssetsOf(response.body.toString("utf8"), path).filter((asset) => isAssetPath(asset) && !assets.has(asset)));
    });
  }
  return assets;
}

function fileOf(path: string, response: RenderedResponse, kind: MirrorFile["kind"], cacheControl: string): MirrorFile {
  return {
    file: mirrorFileOf(path)!,
    body: response.body,
    contentType: headerOf(response, "content-type") ?? "application/octet-stream",
    cacheControl,
    hash: sha256(response.body),
    kind,
  };
}

/**
 * Renders every public URL and returns the mirror's files. Rejects with
 * MirrorRenderError when a page Candor must serve does not render (nothing
 * partial is returned).
 */
export async function buildMirror(options: BuildMirrorOptions): Promise<MirrorFile[]> {
  const { render, listing, publicUrl } = options;
  const now = options.now ?? new Date();
  const front = await renderOk(render, "/");
  // The build's stylesheets are part of every page: a new deploy renders everything again.
  const build = linksOf(stripScripts(front.body.toString("utf8")), publicUrl)
    .filter((link) => link.startsWith("/_next/"))
    .join(" ");
  const sourceOf = (path: string) => {
    const fingerprint = listing.fingerprints?.get(path);
    return fingerprint ? `${build} ${fingerprint}` : undefined;
  };
  const reused = new Map<string, MirrorFile>();
  const isUnchanged = (path: string) => {
    const source = sourceOf(path);
    const file = mirrorFileOf(path)!;
    const previous = options.previousPages?.get(file);
    if (!source || !previous || previous.source !== source) return false;
    const { hash, contentHash, updatedAt } = previous;
    reused.set(path, {
      file,
      body: null,
      contentType: "text/html; charset=utf-8",
      cacheControl: PAGE_CACHE_CONTROL,
      hash,
      page: { contentHash, updatedAt, source },
      kind: "page",
    });
    return true;
  };
  const pages = await renderPages(render, listing, isUnchanged, front);
  const data = new Map<string, RenderedResponse>();
  for (const path of DATA_PATHS) data.set(path, await renderOk(render, path));
  // A component added a moment ago may not be in the snapshot the render reads yet: its feed follows next push.
  for (const id of listing.componentIds) {
    const feed = await render(`/components/${id}/history.rss`);
    if (feed.status === 200) data.set(`/components/${id}/history.rss`, feed);
  }
  const embed = data.get(EMBED_SCRIPT)!;
  data.set(EMBED_SCRIPT, { ...embed, body: Buffer.from(mirrorEmbedScript(embed.body.toString("utf8"))) });
  const stripped = new Map([...pages].map(([path, response]) => [path, stripScripts(response.body.toString("utf8"))]));
  const assets = await renderAssets(
    render,
    [...stripped.values()].flatMap((html) => linksOf(html, publicUrl)),
  );
  const held = new Set([...pages.keys(), ...reused.keys(), "/history?page=1", ...data.keys(), ...assets.keys()]);
  const files: MirrorFile[] = [];
  for (const [path, response] of assets) {
    files.push(fileOf(path, response, "asset", path.startsWith("/_next/static/") ? IMMUTABLE_CACHE_CONTROL : FILE_CACHE_CONTROL));
  }
  for (const [path, response] of data) files.push(fileOf(path, response, "data", PAGE_CACHE_CONTROL));
  for (const [path, html] of stripped) {
    const file = mirrorFileOf(path)!;
    const content = utcTimesNote(rewriteLinks(html, { file, has: (link) => held.has(link), publicUrl }));
    const contentHash = sha256(content);
    const previous = options.previousPages?.get(file);
    const updatedAt = previous?.contentHash === contentHash ? previous.updatedAt : now.toISOString();
    const body = Buffer.from(insertNotice(content, mirrorNotice(publicUrl, new Date(updatedAt))));
    files.push({
      file,
      body,
      contentType: "text/html; charset=utf-8",
      cacheControl: PAGE_CACHE_CONTROL,
      hash: sha256(body),
      page: { contentHash, updatedAt, source: sourceOf(path) },
      kind: path === "/" ? "front" : "page",
    });
  }
  return [...files, ...reused.values()];
}
