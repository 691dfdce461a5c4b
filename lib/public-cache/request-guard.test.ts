import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { createProxy, FRONT_HEADER } from "./proxy";
import { MAX_REQUEST_HEADERS, refuseBadRequest, refuseConnect } from "./request-guard";

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Next.js's stand-in: answers with the headers it received, in order. */
const echoHeaders: http.RequestListener = (request, response) => response.end(JSON.stringify(request.rawHeaders));

/** The front server's chain for requests the cache does not answer. */
async function front(trustProxy = 0): Promise<number> {
  const proxy = createProxy({ port: await listen(echoHeaders), token: "secret", trustProxy, log: () => {} });
  return listen((request, response) => {
    if (!refuseBadRequest(request, response)) proxy(request, response);
  }).then((port) => {
    servers.at(-1)!.on("connect", refuseConnect);
    return port;
  });
}

/** Sends a request as written (any target, any method) and returns the status line and headers. */
function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(`${head}\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("the front server's request guard", () => {
  it("refuses writes to the public/ folder's files and a malformed byte range on any static file", async () => {
    const port = await front();
    for (const file of ["/robots.txt", "/favicon.ico", "/social-preview.png?x=1"]) {
      const written = await fetch(`http://127.0.0.1:${port}${file}`, { method: "POST", body: "x" });
      expect([written.status, written.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    }
    for (const range of ["bytes=5-1", "bytes=x", "bytes=0-1,3-4"]) {
      expect((await fetch(`http://127.0.0.1:${port}/favicon.ico`, { headers: { range } })).status).toBe(416);
    }
    for (const range of ["bytes=0-1", "bytes=5-", "bytes=-10"]) {
      expect((await fetch(`http://127.0.0.1:${port}/favicon.ico`, { headers: { range } })).status).toBe(200);
    }
    expect((await fetch(`http://127.0.0.1:${port}/history`, { headers: { range: "bytes=5-1" } })).status).toBe(200);
  });

  it("answers a POST asking for a page's RSC payload with 400 (Next.js's client only GETs it)", async () => {
    const port = await front();
    const form = { rsc: "1", "content-type": "application/x-www-form-urlencoded" };
    for (const target of ["/nope", "/unsubscribe?a=x&t=y", "/offers/abc/answer"]) {
      const answer = await fetch(`http://127.0.0.1:${port}${target}`, { method: "POST", headers: form, body: "a=b" });
      expect([target, answer.status, await answer.text()]).toEqual([target, 400, expect.stringMatching(/^Bad request: /)]);
    }
    expect(
      (await fetch(`http://127.0.0.1:${port}/nope`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" })).status,
    ).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/subscribe`, { method: "POST", headers: form, body: "a=b" })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/nope`, { headers: { rsc: "1" } })).status).toBe(200);
  });

  it("answers 431 above the header limit instead of letting client headers push Candor's out", async () => {
    const port = await front();
    const many = Object.fromEntries(Array.from({ length: MAX_REQUEST_HEADERS + 1 }, (_, index) => [`x-h${index}`, "1"]));
    const refused = await fetch(`http://127.0.0.1:${port}/admin`, { headers: many });
    expect(refused.status).toBe(431);
    const within = Object.fromEntries(Array.from({ length: MAX_REQUEST_HEADERS - 10 }, (_, index) => [`x-h${index}`, "1"]));
    expect((await fetch(`http://127.0.0.1:${port}/admin`, { headers: within })).status).toBe(200);
  });

  it("puts Candor's own headers first and drops every client-sent x-candor-* header", async () => {
    const port = await front();
    const response = await fetch(`http://127.0.0.1:${port}/admin`, {
      headers: { [CLIENT_IP_HEADER]: "6.6.6.6", "x-candor-stale": "1", "X-Candor-Anything": "x", cookie: "a=1" },
    });
    const received: string[] = await response.json();
    expect(received.slice(0, 4)).toEqual([FRONT_HEADER, "secret", CLIENT_IP_HEADER, "127.0.0.1"]);
    const names = received.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
    expect(names.filter((name) => name.startsWith("x-candor-"))).toEqual([FRONT_HEADER, CLIENT_IP_HEADER]);
    expect(names).toContain("cookie");
  });

  it("drops a client's X-Forwarded-Host unless a trusted proxy sent it", async () => {
    const names = async (port: number) =>
      ((await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-host": "evil.example" } })).json()) as string[]).map(
        (value) => value.toLowerCase(),
      );
    expect(await names(await front(0))).not.toContain("x-forwarded-host");
    expect(await names(await front(1))).toContain("x-forwarded-host");
  });

  it("answers a '*' target, TRACE and other unserved methods, and writes to static files with 4xx", async () => {
    const port = await front();
    expect(await raw(port, "GET * HTTP/1.1")).toMatch(/^HTTP\/1.1 400 /);
    expect(await raw(port, "OPTIONS * HTTP/1.1")).toMatch(/^HTTP\/1.1 204 [^]*allow: GET, HEAD, POST, OPTIONS/i);
    expect(await raw(port, "TRACE /api/banner HTTP/1.1")).toMatch(/^HTTP\/1.1 405 [^]*allow: GET, HEAD, POST, OPTIONS/i);
    expect(await raw(port, "PROPFIND / HTTP/1.1")).toMatch(/^HTTP\/1.1 405 /);
    expect(await raw(port, "CONNECT / HTTP/1.1")).toMatch(/^HTTP\/1.1 405 [^]*Method CONNECT is not allowed/);
    expect(await raw(port, "POST /_next/static/chunks/app.js HTTP/1.1")).toMatch(/^HTTP\/1.1 405 [^]*allow: GET, HEAD\r\n/i);
    expect(await raw(port, "DELETE /icon.svg HTTP/1.1")).toMatch(/^HTTP\/1.1 405 /);
    expect(await raw(port, "GET /%ff HTTP/1.1")).toMatch(/^HTTP\/1.1 400 /);
    expect(await raw(port, "GET /admin HTTP/1.1")).toMatch(/^HTTP\/1.1 200 /);
  });
});
