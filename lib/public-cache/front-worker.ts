// The front server, in its own thread: public responses from the cache,
// everything else proxied to Next.js in the main thread. A render or a slow
// admin page in Next.js never holds up a cached answer, and the hot path runs
// without Next.js's per-process costs.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { forwardCheckedBody, needsBodyCheck } from "./action-body";
import { createPublicCache } from "./handler";
import { createLoopbackRenderer } from "./loopback-render";
import { createLiveStreams, isLiveStreamRequest, type LiveChange } from "./live-stream";
import { createProxy } from "./proxy";
import { PublicViewCopy, type PublicViewState } from "./public-view";
import { refuseBadRequest, refuseConnect } from "./request-guard";
import { SavedResponses } from "./saved-responses";

export interface FrontOptions {
  host: string;
  port: number;
  /** Next.js's loopback port in the main thread. */
  nextPort: number;
  token: string;
  maxBytes: number;
  savedDirectory: string;
  /** Proxies of the operator's own in front (TRUST_PROXY). */
  trustProxy: number;
  view: PublicViewState;
  /** Event streams open at once (CANDOR_MAX_STREAMS). */
  maxStreams: number;
}

export type FrontMessage = { type: "view"; view: PublicViewState };
export type FrontReport = { type: "listening" } | { type: "error"; code?: string; message: string };

const options = workerData as FrontOptions;
const view = new PublicViewCopy();
view.update(options.view);
const cache = createPublicCache({
  view,
  render: createLoopbackRenderer(() => ({ port: options.nextPort }), options.token),
  maxBytes: options.maxBytes,
  saved: new SavedResponses(options.savedDirectory),
});
const streams = createLiveStreams({ maxStreams: options.maxStreams });
let last = options.view;
streams.publish({ generation: last.generation, version: last.version, changed: [] });
const proxy = createProxy({ port: options.nextPort, token: options.token, trustProxy: options.trustProxy });

parentPort!.on("message", (message: FrontMessage) => {
  if (message.type !== "view") return;
  const changed = message.view.generation !== view.generation;
  view.update(message.view);
  if (!changed) return;
  // Render again what readers were reading, before the next of them asks.
  void cache.refreshAhead();
  const next = message.view;
  const touched: LiveChange[] = [];
  if (next.pageKey !== last.pageKey) touched.push("page");
  if (next.bannerKey !== last.bannerKey) touched.push("banner");
  last = next;
  streams.publish({ generation: next.generation, version: next.version, changed: touched });
});

const server = http.createServer((request, response) => {
  if (refuseBadRequest(request, response)) return;
  if (isLiveStreamRequest(request)) return streams.handle(request, response);
  if (cache.handle(request, response)) return;
  if (needsBodyCheck(request)) void forwardCheckedBody(request, response, options.trustProxy, proxy);
  else proxy(request, response);
});

server.on("connect", refuseConnect);
server.once("error", (error: NodeJS.ErrnoException) =>
  parentPort!.postMessage({ type: "error", code: error.code, message: error.message } satisfies FrontReport),
);
server.listen(options.port, options.host, () => {
  parentPort!.postMessage({ type: "listening" } satisfies FrontReport);
  // Started during an outage: the saved pages stand in, and there is nothing to render.
  if (view.stale) return;
  const [someIncident] = view.incidentIds ?? [];
  const routeCode = ["/history", ...(someIncident ? [`/incidents/${someIncident}`] : [])];
  cache
    .warmUp([{ path: "/", keep: true }, ...routeCode.map((path) => ({ path, keep: false }))])
    .catch((error: Error) => console.error(`candor: warming up the public pages: ${error.message}`));
});
