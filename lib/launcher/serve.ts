// How `npm start` serves: Next.js behind the public front server (its own
// thread: cached public responses, everything else proxied to Next on a
// loopback port), or Next on PORT when the cache is off and in development
// (`npm run dev`: Next's dev server, hot reload, nothing cached), with only
// the bodies it cannot decode itself checked first and sent on by loopback.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { StartupError } from "../database/embedded/errors";
import type { Env } from "../env";
import type { FrontMessage, FrontOptions, FrontReport } from "../public-cache/front-worker";
import { forwardCheckedBody, needsBodyCheck } from "../public-cache/action-body";
import { clientIp, createProxy, FRONT_HEADER } from "../public-cache/proxy";
import { createLoopbackRenderer } from "../public-cache/loopback-render";
import { publicViewState } from "../public-cache/public-view";
import { provide } from "../runtime/services";
import { cleanRequestInPlace, refuseBadRequest, refuseConnect } from "../public-cache/request-guard";
import type { PublicSnapshotStore } from "../public-snapshot/store";
import { answerLauncherRoute } from "./launcher-routes";
import { startWithFullYoungGeneration } from "./front-heap";

export interface Serving {
  /** Stops the front thread, closes the ports and Next.js. */
  close(): Promise<void>;
}

export async function serve(env: Env, store: PublicSnapshotStore, root: string, { dev = false } = {}): Promise<Serving> {
  if (!dev) runOnBuiltNextConfig(root);
  const { default: next } = await import("next");
  // With the cache off Next.js listens on PORT itself, and is told so: it
  // would otherwise attach its upgrade handler (hot reload) to whichever
  // server brought it its first request, the loopback one included.
  const alone = env.CANDOR_PUBLIC_CACHE_MB === 0 || dev ? http.createServer() : undefined;
  const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT, httpServer: alone });
  await app.prepare();
  const handle = app.getRequestHandler();
  const closeNext = async (server: http.Server) => {
    await closeServer(server);
    await app.close();
  };
  // Next.js on a loopback port, for the front server's proxy: only requests carrying the token.
  const token = randomBytes(24).toString("base64url");
  const internal = http.createServer((request, response) => {
    if (request.headers[FRONT_HEADER] !== token) {
      return void response
        .writeHead(403, { "content-type": "text/plain; charset=utf-8" })
        .end("This is Candor's internal port; use the public one.\n");
    }
    if (!answerLauncherRoute(request, response, env)) void handle(request, response);
  });
  await listen(internal, 0, "127.0.0.1");
  const closeBoth = async (server: http.Server) => {
    await closeServer(server);
    await closeNext(internal);
  };
  if (alone) {
    // Next.js answers a body it cannot decode with a 500: such bodies are
    // read and checked first, as the front server does, and only then handed
    // to Next.js through the loopback port (a read body cannot be given back
    // to the request it came with).
    const proxy = createProxy({ port: (internal.address() as AddressInfo).port, token, trustProxy: env.TRUST_PROXY });
    alone.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
      if (refuseBadRequest(request, response)) return;
      if (needsBodyCheck(request)) return void forwardCheckedBody(request, response, env.TRUST_PROXY, proxy);
      cleanRequestInPlace(request, clientIp(request, env.TRUST_PROXY), env.TRUST_PROXY > 0);
      if (!answerLauncherRoute(request, response, env)) void handle(request, response);
    });
    alone.on("connect", refuseConnect);
    await listen(alone, env.PORT, env.HOST);
    provide(
      "publicRenderer",
      createLoopbackRenderer(() => ({ port: env.PORT }), ""),
    );
    return { close: () => closeBoth(alone) };
  }
  provide(
    "publicRenderer",
    createLoopbackRenderer(() => internal.address() as AddressInfo, token),
  );
  const options: FrontOptions = {
    host: env.HOST,
    port: env.PORT,
    nextPort: (internal.address() as AddressInfo).port,
    token,
    maxBytes: env.CANDOR_PUBLIC_CACHE_MB * 1024 * 1024,
    savedDirectory: path.join(env.CANDOR_DATA_DIR, "public", "responses"),
    trustProxy: env.TRUST_PROXY,
    view: publicViewState(store),
    maxStreams: env.CANDOR_MAX_STREAMS,
  };
  // dist/front-thread.js: bundled beside dist/server.js from lib/public-cache/front-worker.ts (scripts/bundle.mjs).
  const front = startWithFullYoungGeneration(() => new Worker(new URL("./front-thread.js", import.meta.url), { workerData: options }));
  let sent = options.view;
  store.onChange(() => {
    sent = publicViewState(store, sent);
    front.postMessage({ type: "view", view: sent } satisfies FrontMessage);
  });
  await new Promise<void>((resolve, reject) => {
    front.on("message", (report: FrontReport) => {
      if (report.type === "listening") resolve();
      else reject(report.code === "EADDRINUSE" ? portInUse(env.PORT) : new Error(`the front server: ${report.message}`));
    });
    front.once("error", reject);
    front.once("exit", (code) => reject(new Error(`the front server stopped (exit code ${code})`)));
  });
  // Without the front nothing answers on PORT: stop, so a supervisor restarts Candor.
  front.on("error", (error) => console.error(`candor: front server: ${error.stack ?? error.message}`));
  let closing = false;
  front.once("exit", (code) => {
    if (closing) return;
    console.error(`candor: the front server stopped (exit code ${code}); stopping.`);
    process.exit(1);
  });
  return {
    close: async () => {
      closing = true;
      await front.terminate();
      await closeNext(internal);
    },
  };
}

/**
 * Production runs on the configuration `next build` resolved and saved, as
 * Next's own standalone server does. Loading next.config.ts again would
 * compile it with Next's native compiler, which then stays mapped: about
 * 50 MB of memory for a file the build has already read.
 */
function runOnBuiltNextConfig(root: string): void {
  let saved: string;
  try {
    saved = readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8");
  } catch {
    return; // no build: Next.js says so itself
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify((JSON.parse(saved) as { config: unknown }).config);
}

/** Every socket a server accepted, upgraded ones (hot reload's) included: closeAllConnections() leaves those. */
const socketsOf = new WeakMap<http.Server, Set<Socket>>();

/** Stops accepting, and ends idle keep-alive connections so close() does not wait for clients. */
function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // A request still running gets a short grace, then its connection is cut.
    setTimeout(() => {
      server.closeAllConnections();
      for (const socket of socketsOf.get(server) ?? []) socket.destroy();
    }, 2_000).unref();
  });
}

function portInUse(port: number): StartupError {
  return new StartupError(`Port ${port} is in use. Stop what uses it or set PORT, e.g. PORT=3001 npm start.`);
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  const sockets = new Set<Socket>();
  socketsOf.set(server, sockets);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  return new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? portInUse(port) : error));
    server.listen(port, host, resolve);
  });
}
