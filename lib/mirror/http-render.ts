// Renders public paths by asking a running Candor over HTTP, as a visitor
// would: `npm run export` against a Candor that is running, and the push
// inside `npm start` against Next.js's loopback port (see source.ts).
import type { RenderPath } from "./build-mirror";

const RENDER_TIMEOUT_MS = 30_000;

/** GETs `origin + path` (no compression, no cookies), with extra headers if given. */
export function createHttpRenderer(origin: string, headers: Record<string, string> = {}): RenderPath {
  return async (path) => {
    const response = await fetch(new URL(path, origin), {
      headers: { "accept-encoding": "identity", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  };
}
