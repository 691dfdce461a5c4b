// The front server's first look at every request, before the cache or Next.js
// sees it: requests that can only end in an error (too many headers, a target
// that is not a path, a method Candor never serves, a write to a static file)
// get their 4xx here, and the headers passed on to Next.js are Candor's own
// first, never a client's copy of them.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { PUBLIC_FOLDER_FILES } from "./route-table";
import { isDecodablePath } from "./routes";

/**
 * Far above what browsers, mail clients and proxies send (about 20), far
 * below Node's 2,000, past which headers are silently dropped — Candor's own
 * included.
 */
export const MAX_REQUEST_HEADERS = 100;
/** Every method some Candor route answers. */
const SERVED_METHODS = "GET, HEAD, POST, OPTIONS";
const SERVED = new Set(SERVED_METHODS.split(", "));
/** Files served as they are: Next's build output, app/icon.svg and the public/ folder. */
const ROOT_STATIC_FILES = new Set(["/icon.svg", ...PUBLIC_FOLDER_FILES.map((file) => `/${file}`)]);
// Next.js's client asks for a page's RSC payload (the RSC header) with GET
// only; its server actions are POSTs without it. Next.js answers a POST that
// carries it and that it takes for an action with a 500 on a path it does
// not know ("Expected RSC response, got text/plain").
/** One satisfiable byte range (RFC 9110 §14.1.2); Next.js's static file server answers a malformed one with a 500. */
const SINGLE_RANGE = /^bytes=(?:(\d+)-(\d*)|-\d+)$/;
const CANDOR_HEADER_PREFIX = "x-candor-";
// Hop-by-hop (RFC 9110 §7.6.1): they describe the client's connection, not the request.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);

function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): true {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers }).end(`${message}\n`);
  return true;
}

/**
 * Answers a request that can only fail with its 4xx and returns true;
 * returns false for every request worth handling.
 */
export function refuseBadRequest(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.rawHeaders.length / 2 > MAX_REQUEST_HEADERS) {
    return refuse(response, 431, `Request header fields too large: at most ${MAX_REQUEST_HEADERS} headers.`);
  }
  const url = request.url ?? "";
  const method = request.method ?? "";
  if (url === "*" && method === "OPTIONS") {
    response.writeHead(204, { allow: SERVED_METHODS, "cache-control": "no-store" }).end();
    return true;
  }
  if (!url.startsWith("/")) return refuse(response, 400, "Bad request: the request target must be a path such as /.");
  if (!isDecodablePath(url)) return refuse(response, 400, "Bad request: the address has invalid percent-encoding (such as %ff).");
  if (!SERVED.has(method)) return refuse(response, 405, `Method ${method} is not allowed.`, { allow: SERVED_METHODS });
  const staticFile = isStaticFile(url);
  if (staticFile && method !== "GET" && method !== "HEAD") {
    return refuse(response, 405, `Method ${method} is not allowed on a static file.`, { allow: "GET, HEAD" });
  }
  if (method === "POST" && request.headers.rsc !== undefined && !url.startsWith("/api/")) {
    return refuse(response, 400, "Bad request: a POST cannot ask for a page's RSC payload (the RSC header is for GET).");
  }
  // request.headers is built on first use, at a tenth of a cached answer's cost: only a static file's range is read.
  if (staticFile) {
    const range = request.headers.range;
    if (range !== undefined && !isSatisfiableRange(range)) {
      return refuse(response, 416, "Range not satisfiable: ask for one range such as bytes=0-99.", { "content-range": "bytes */*" });
    }
  }
  return false;
}

function isStaticFile(url: string): boolean {
  const pathname = url.split("?", 1)[0]!;
  return pathname.startsWith("/_next/static/") || ROOT_STATIC_FILES.has(pathname);
}

function isSatisfiableRange(range: string): boolean {
  const match = SINGLE_RANGE.exec(range);
  return match !== null && (match[2] === undefined || match[2] === "" || Number(match[1]) <= Number(match[2]));
}

/**
 * Node hands CONNECT (a tunnel request) to the server's "connect" event
 * and closes the connection when nothing listens: answer it like any other
 * method Candor does not serve.
 */
export function refuseConnect(_request: IncomingMessage, socket: Duplex): void {
  const body = "Method CONNECT is not allowed.\n";
  const head = [
    "HTTP/1.1 405 Method Not Allowed",
    `Allow: ${SERVED_METHODS}`,
    "Content-Type: text/plain; charset=utf-8",
    "Cache-Control: no-store",
    "Connection: close",
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

/**
 * The headers Next.js receives: Candor's own first (so no number of client
 * headers can push them out), then the client's without any `x-candor-*`
 * (a client must not set what Candor's server vouches for), without hop-by-hop
 * headers, and without `X-Forwarded-Host` unless a trusted proxy set it (Next
 * compares it with Origin to accept server actions).
 */
export function forwardedHeaders(
  request: Pick<IncomingMessage, "rawHeaders">,
  own: Record<string, string>,
  trustProxy: boolean,
): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = { ...own };
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    if (name.startsWith(CANDOR_HEADER_PREFIX) || HOP_BY_HOP.has(name) || name in own) continue;
    if (name === "x-forwarded-host" && !trustProxy) continue;
    const value = raw[index + 1]!;
    const previous = headers[name];
    if (previous === undefined) headers[name] = value;
    else if (name === "cookie") headers[name] = `${previous}; ${value}`;
    else headers[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return headers;
}

/**
 * For Next.js alone on the public port (the cache turned off): the same
 * cleaning, done on the request object Next.js reads.
 */
export function cleanRequestInPlace(request: IncomingMessage, clientIp: string, trustProxy: boolean): void {
  for (const name of Object.keys(request.headers)) {
    if (name.startsWith(CANDOR_HEADER_PREFIX) || (name === "x-forwarded-host" && !trustProxy)) delete request.headers[name];
  }
  request.headers[CLIENT_IP_HEADER] = clientIp;
}
