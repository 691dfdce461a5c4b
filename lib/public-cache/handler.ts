// The front server's first step for public GETs: complete responses kept in
// memory per snapshot generation. A hit copies stored bytes to the
// socket; a miss renders once through Next (concurrent requests for the same
// key wait for that one render) and keeps the result. When rendering fails,
// the last good response stands in, from memory or from disk.
import type { IncomingMessage, ServerResponse } from "node:http";
import { buildEntry, isCacheable, withBrotli, type RenderedResponse } from "./build-entry";
import type { PublicView } from "./public-view";
import { readCacheHeaders, type CacheRequestHeaders } from "./request-headers";
import { ResponseCache, type CachedResponse } from "./response-cache";
import { classifyPublicRequest, type PublicRoute } from "./routes";
import type { SavedResponses } from "./saved-responses";
import { sendEntry } from "./send-entry";
import { StaleNotices } from "./stale-notice";

export interface PublicCacheOptions {
  view: PublicView;
  render: (path: string) => Promise<RenderedResponse>;
  maxBytes: number;
  saved?: SavedResponses;
  log?: (message: string) => void;
  /** Milliseconds since some fixed point; for tests. */
  now?: () => number;
}

type Filled = { entry: CachedResponse } | { passthrough: RenderedResponse };

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);
const STALE_HEADER = { "x-candor-stale": "1" };
const MAX_REMEMBERED_ROUTES = 10_000;
const REFRESH_AHEAD = 20;
/**
 * After a render fails, how long its last good response (or its 503) is
 * served without trying again. A database that hangs rather than refuses
 * holds each render for its full query deadline: without this pause every
 * visitor of the page would wait that long in turn.
 */
const RETRY_FAILED_RENDER_MS = 5_000;

export function createPublicCache(options: PublicCacheOptions) {
  const { view, render, saved } = options;
  const log = options.log ?? ((message: string) => console.error(`candor: ${message}`));
  const cache = new ResponseCache(options.maxBytes);
  const filling = new Map<string, Promise<Filled>>();
  const notices = new StaleNotices();
  const now = options.now ?? (() => performance.now());
  let compressing: Promise<unknown> = Promise.resolve();
  // Renders (flights: generation and key) that failed, with when; emptied when the snapshot changes, to stay small.
  let failed = new Map<string, number>();
  let failedFor: number | undefined;
  const reported = new WeakSet<Promise<Filled>>();
  // Routes by raw URL, for the incidents they were worked out with.
  let routes = new Map<string, PublicRoute | null>();
  let routesFor: unknown;

  function routeOf(url: string): PublicRoute | null {
    const ids = view.incidentIds;
    if (ids !== routesFor || routes.size >= MAX_REMEMBERED_ROUTES) {
      routes = new Map();
      routesFor = ids;
    }
    let route = routes.get(url);
    if (route === undefined) {
      route = classifyPublicRequest(url, (id) => !ids || ids.has(id), view.historyPages);
      routes.set(url, route);
    }
    return route;
  }

  const flightOf = (key: string, generation: number | "static") => `${generation}\u0000${key}`;

  function fill(route: PublicRoute, generation: number | "static"): Promise<Filled> {
    const flight = flightOf(route.key, generation);
    let pending = filling.get(flight);
    if (!pending) {
      pending = (async (): Promise<Filled> => {
        const rendered = await render(route.renderPath);
        if (!isCacheable(rendered)) return { passthrough: rendered };
        const entry = await buildEntry(rendered, route.kind, generation);
        cache.set(route.key, entry);
        const complete = completeEntry(route.key, entry);
        if (saved && route.kind === "page" && entry.status === 200 && !view.stale) void saved.save(route.key, complete);
        return { entry };
      })().finally(() => filling.delete(flight));
      filling.set(flight, pending);
    }
    return pending;
  }

  /**
   * Adds brotli to an entry already served; null when a newer rendering took
   * its place meanwhile (not to be saved over it). One at a time, in the
   * order entries were made: brotli holds a thread of libuv's pool (four,
   * shared by this process's gzip and file reads, Next.js's included) for up
   * to a second, and in that order a later entry is never completed first.
   */
  function completeEntry(key: string, entry: CachedResponse): Promise<CachedResponse | null> {
    const done = compressing
      .then(() => withBrotli(entry))
      .catch((error: Error) => {
        log(`compressing ${key} with brotli: ${error.message}; it is served gzipped.`);
        return entry;
      });
    compressing = done;
    return done.then((complete) => (cache.swap(key, entry, complete) || !cache.has(key) ? complete : null));
  }

  /** What to serve when rendering fails: the page as last rendered, or the 404 of an unknown incident or history page. */
  async function lastGood(key: string): Promise<CachedResponse | null> {
    const inMemory = cache.get(key);
    if (inMemory) return inMemory;
    return (await saved?.load(key)) ?? null;
  }

  async function answerMiss(
    request: IncomingMessage,
    response: ServerResponse,
    headers: CacheRequestHeaders,
    route: PublicRoute,
    generation: number | "static",
  ): Promise<void> {
    if (failedFor !== view.generation) {
      failed = new Map();
      failedFor = view.generation;
    }
    const flight = flightOf(route.key, generation);
    const failedAt = failed.get(flight);
    if (failedAt !== undefined) {
      // No visitor waits on a render that failed: the next try runs behind the fallback, one at a time
      // (while it runs its flight is in `filling`; it records its own outcome).
      if (now() - failedAt >= RETRY_FAILED_RENDER_MS && !filling.has(flight)) void tryRender(route, generation);
      return answerWithFallback(request, response, headers, route);
    }
    const filled = await tryRender(route, generation);
    if (!filled) return answerWithFallback(request, response, headers, route);
    if ("entry" in filled) return sendEntry(request, response, filled.entry, headers);
    sendRendered(request, response, filled.passthrough);
  }

  /** The page rendered, or null when rendering failed (logged, and remembered until the snapshot changes). */
  async function tryRender(route: PublicRoute, generation: number | "static"): Promise<Filled | null> {
    let failure: string;
    const flight = flightOf(route.key, generation);
    const pending = fill(route, generation);
    try {
      const filled = await pending;
      if ("entry" in filled || filled.passthrough.status < 500) {
        failed.delete(flight);
        return filled;
      }
      failure = `status ${filled.passthrough.status}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    failed.set(flight, now());
    // Said once per render, however many visitors waited for it.
    if (!reported.has(pending)) {
      reported.add(pending);
      log(
        `rendering ${route.key} failed (${failure}); tried again in ${RETRY_FAILED_RENDER_MS / 1000} s, the last good response or a 503 served meanwhile.`,
      );
    }
    return null;
  }

  async function answerWithFallback(
    request: IncomingMessage,
    response: ServerResponse,
    headers: CacheRequestHeaders,
    route: PublicRoute,
  ): Promise<void> {
    const fallback = await lastGood(route.key);
    if (fallback) return sendEntry(request, response, await notices.of(route.key, fallback), headers, STALE_HEADER);
    // A route that stands for every unknown incident or history page past the end is a 404 whatever happens;
    // only pages that exist are written to disk, so after a restart during an outage it is said plainly.
    if (route.key !== route.renderPath && route.kind === "page") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      return void response.end(request.method === "HEAD" ? undefined : "There is no such page on this status page.\n");
    }
    response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "10", "cache-control": "no-store" });
    response.end(
      request.method === "HEAD" ? undefined : "The status page is temporarily unavailable. Please try again in a few seconds.\n",
    );
  }

  /** Answers a public GET or HEAD and returns true; returns false for everything Next should handle. */
  function handle(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const headers = readCacheHeaders(request);
    if (headers.fromRouter) return false;
    const route = routeOf(request.url ?? "");
    if (!route) return false;
    const generation = route.kind === "static" ? "static" : view.generation;
    const entry = cache.get(route.key);
    if (entry && entry.generation === generation) {
      sendEntry(request, response, entry, headers);
    } else {
      answerMiss(request, response, headers, route, generation).catch((error: Error) => {
        log(`answering ${route.key}: ${error.message}`);
        if (!response.headersSent) response.writeHead(500).end();
      });
    }
    return true;
  }

  /**
   * After the snapshot changes, renders again the pages readers were
   * reading, one at a time, so the next visitors (a spike) get stored bytes
   * instead of waiting for a render.
   */
  async function refreshAhead(limit = REFRESH_AHEAD): Promise<void> {
    const generation = view.generation;
    for (const key of cache.outdated(generation, limit)) {
      if (view.generation !== generation) return;
      // A visitor may have had it rendered for this generation while the pages before it were rendering.
      if (cache.get(key)?.generation === generation) continue;
      const route = routeOf(key);
      if (route) await fill(route, generation).catch(() => undefined);
      // Paced by brotli too, so twenty pages never queue twenty compressions ahead of a visitor's gzip.
      await compressing;
    }
  }

  /**
   * Renders one page of each kind once Next.js is up, so the first visitor
   * of an old incident or a deep history page after a start pays for the
   * page's queries, not for loading its route. Only the pages to keep stay
   * in memory: what is kept is rendered again after every change.
   */
  async function warmUp(pages: readonly { path: string; keep: boolean }[]): Promise<void> {
    for (const { path, keep } of pages) {
      const route = routeOf(path);
      if (!route || cache.get(route.key)) continue;
      await fill(route, route.kind === "static" ? "static" : view.generation).catch(() => undefined);
      if (!keep) cache.delete(route.key);
    }
  }

  return { handle, refreshAhead, warmUp, cache };
}

function sendRendered(request: IncomingMessage, response: ServerResponse, rendered: RenderedResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(rendered.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  headers["content-length"] = String(rendered.body.length);
  response.writeHead(rendered.status, headers);
  response.end(request.method === "HEAD" ? undefined : rendered.body);
}
