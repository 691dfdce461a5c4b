// Renders a public path by asking Next.js for it on its loopback port, with
// the front's token. Next sees an ordinary request and answers with the bytes
// it would send a visitor.
import http from "node:http";
import type { RenderedResponse } from "./build-entry";
import { closedOnReuse, FRONT_HEADER } from "./proxy";

const RENDER_TIMEOUT_MS = 30_000;

export function createLoopbackRenderer(address: () => { port: number }, token: string): (path: string) => Promise<RenderedResponse> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const once = (path: string): Promise<RenderedResponse> =>
    new Promise((resolve, reject) => {
      const { port } = address();
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path,
          agent,
          timeout: RENDER_TIMEOUT_MS,
          headers: { [FRONT_HEADER]: token, "accept-encoding": "identity", host: `localhost:${port}` },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error(`rendering ${path} took over ${RENDER_TIMEOUT_MS / 1000} s`)));
      request.on("error", (error: NodeJS.ErrnoException) => reject(closedOnReuse(request, error) ? new StaleSocket(error.message) : error));
      request.end();
    });
  // The render is a GET: on a socket closed as it was reused, ask again once on a new one.
  return (path) => once(path).catch((error: unknown) => (error instanceof StaleSocket ? once(path) : Promise.reject(error)));
}

class StaleSocket extends Error {}
