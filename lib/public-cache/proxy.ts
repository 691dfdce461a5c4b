// The front server hands everything that is not a cached public response to
// Next.js on its loopback port, streaming both ways, with the client's
// address in Candor's own header (first, and no client copy of it).
import http from "node:http";
import { isIP } from "node:net";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { forwardedHeaders } from "./request-guard";
import { pathForLog } from "./log-path";

export const FRONT_HEADER = "x-candor-front";
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"];

/**
 * Next's server closed a kept-alive socket just as it was reused (the race
 * Node documents for keep-alive agents): the request never reached Next, so
 * one without a body to stream can be sent again on a new socket.
 */
export function closedOnReuse(request: http.ClientRequest, error: NodeJS.ErrnoException): boolean {
  return request.reusedSocket && error.code === "ECONNRESET";
}

/**
 * The client's address: the socket's, or with `trustedProxies` proxies in
 * front, the address the outermost of them saw. Each proxy appends what it
 * saw to X-Forwarded-For, so that entry is `trustedProxies` from the right;
 * everything left of it came from the client and proves nothing.
 */
export function clientIp(request: Pick<http.IncomingMessage, "headers" | "socket">, trustedProxies: number): string {
  const socket = request.socket.remoteAddress || "unknown";
  if (trustedProxies <= 0) return socket;
  const header = request.headers["x-forwarded-for"];
  const entries = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return socket;
  const seen = entries[Math.max(0, entries.length - trustedProxies)]!;
  return isIP(seen) ? seen : socket;
}

export function createProxy(options: { port: number; token: string; trustProxy: number; log?: (message: string) => void }) {
  const agent = new http.Agent({ keepAlive: true });
  const log = options.log ?? ((message: string) => console.error(`candor: ${message}`));
  /** Streams the request body through, or sends `body` when the front server has already read it. */
  return (request: http.IncomingMessage, response: http.ServerResponse, body?: Buffer): void => {
    const headers = forwardedHeaders(
      request,
      { [FRONT_HEADER]: options.token, [CLIENT_IP_HEADER]: clientIp(request, options.trustProxy) },
      options.trustProxy > 0,
    );
    if (body) headers["content-length"] = String(body.length);
    // Without a body to stream, the request can be sent again as it was.
    const resendable = body !== undefined || ((request.method === "GET" || request.method === "HEAD") && !hasBody(request));
    // A browser that went away (an aborted prefetch, a closed tab) ends the request to Next too: not an error.
    let clientGone = false;
    let upstream: http.ClientRequest;
    const send = (retried: boolean) => {
      upstream = http.request(
        { host: "127.0.0.1", port: options.port, method: request.method, path: request.url, headers, agent },
        (answer) => {
          const answerHeaders = { ...answer.headers };
          for (const name of HOP_BY_HOP) delete answerHeaders[name];
          response.writeHead(answer.statusCode ?? 502, answerHeaders);
          answer.pipe(response);
        },
      );
      const sent = upstream;
      sent.on("error", (error: NodeJS.ErrnoException) => {
        if (clientGone) return;
        if (!retried && resendable && closedOnReuse(sent, error) && !response.headersSent) return send(true);
        log(`proxying ${request.method} ${pathForLog(request.url)}: ${error.message}`);
        if (!response.headersSent)
          response
            .writeHead(502, { "content-type": "text/plain; charset=utf-8" })
            .end("Candor could not answer this request. Please try again.\n");
        else response.destroy();
      });
      if (body) sent.end(body);
      else if (retried || resendable) sent.end();
      else request.pipe(sent);
    };
    response.on("close", () => {
      if (response.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    send(false);
  };
}

function hasBody(request: http.IncomingMessage): boolean {
  return request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;
}
