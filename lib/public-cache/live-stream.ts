// /api/v2/stream: server-sent events telling open public pages and sign-in
// banners that the public snapshot moved, so they refresh within a second
// instead of at their next poll. Served by the front server (never Next.js):
// an open stream is one socket and one Set entry, with one heartbeat interval
// shared by all of them, so 10,000 idle readers cost little (bench/sse.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { PUBLIC_CORS_HEADERS } from "./cors";

/** What a change touched: the sign-in banner, or what the pages show (or both). */
export type LiveChange = "page" | "banner";

export interface LiveEvent {
  /** The snapshot generation in this process (moves on every change a reader can see). */
  generation: number;
  /** The database's public snapshot version, or null before the first snapshot. */
  version: string | null;
  changed: LiveChange[];
}

export interface LiveStreamOptions {
  /** Streams open at once; one more is answered 503 with Retry-After. */
  maxStreams: number;
  heartbeatMs?: number;
  /** Tells a browser how long to wait before reconnecting after the stream ends. */
  retryMs?: number;
}

export const LIVE_STREAM_PATH = "/api/v2/stream";
const HEARTBEAT_MS = 25_000;
const RETRY_MS = 2_000;
const HEARTBEAT = Buffer.from(": keep-alive\n\n");

export function isLiveStreamRequest(request: IncomingMessage): boolean {
  const url = request.url ?? "";
  return url === LIVE_STREAM_PATH || url.startsWith(`${LIVE_STREAM_PATH}?`);
}

export function formatLiveEvent(event: LiveEvent): string {
  return `id: ${event.generation}\nevent: snapshot\ndata: ${JSON.stringify(event)}\n\n`;
}

export function createLiveStreams(options: LiveStreamOptions) {
  const streams = new Set<ServerResponse>();
  let current: LiveEvent = { generation: 0, version: null, changed: [] };
  let heartbeat: NodeJS.Timeout | undefined;

  function startHeartbeat(): void {
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      for (const stream of streams) stream.write(HEARTBEAT);
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
  }

  function stopHeartbeatWhenIdle(): void {
    if (streams.size > 0 || !heartbeat) return;
    clearInterval(heartbeat);
    heartbeat = undefined;
  }

  /** Answers a request for the stream (GET, HEAD, OPTIONS; other methods 405). */
  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method === "OPTIONS") return void response.writeHead(204, PUBLIC_CORS_HEADERS).end();
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD, OPTIONS", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      return void response.end(`Method ${request.method} is not allowed on the event stream.\n`);
    }
    if (streams.size >= options.maxStreams) {
      response.writeHead(503, {
        ...PUBLIC_CORS_HEADERS,
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": "30",
      });
      return void response.end(`Too many open event streams (at most ${options.maxStreams}); poll /api/banner or retry later.\n`);
    }
    response.writeHead(200, {
      ...PUBLIC_CORS_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      // nginx and other buffering proxies pass each event on at once.
      "x-accel-buffering": "no",
      connection: "keep-alive",
    });
    if (request.method === "HEAD") return void response.end();
    // Events are small: sent at once, not held back by Nagle's algorithm.
    request.socket.setNoDelay(true);
    // The stream stays open: Node's per-request timeouts must not end it.
    request.socket.setTimeout(0);
    response.write(`retry: ${options.retryMs ?? RETRY_MS}\n${formatLiveEvent({ ...current, changed: [] })}`);
    streams.add(response);
    startHeartbeat();
    const forget = () => {
      streams.delete(response);
      stopHeartbeatWhenIdle();
    };
    response.once("close", forget);
    request.once("error", forget);
  }

  /**
   * Records the current version (what a new stream is told first) and sends
   * the change to every open stream, unless it names nothing a reader shows.
   */
  function publish(event: LiveEvent): void {
    current = event;
    if (streams.size === 0 || event.changed.length === 0) return;
    // Encoded once: each stream gets the same bytes, not its own copy of the string's encoding.
    const bytes = Buffer.from(formatLiveEvent(event));
    for (const stream of streams) stream.write(bytes);
  }

  /** Ends every stream (the server closing). */
  function closeAll(): void {
    for (const stream of streams) stream.end();
    streams.clear();
    stopHeartbeatWhenIdle();
  }

  return {
    handle,
    publish,
    closeAll,
    get size() {
      return streams.size;
    },
  };
}
