import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { createProxy, FRONT_HEADER } from "./proxy";

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("the front server's proxy to Next.js", () => {
  it("passes method, body, status and cookies through, with the token and the client's real address", async () => {
    const upstream = await listen((request, response) => {
      let body = "";
      request
        .on("data", (chunk) => (body += chunk))
        .on("end", () => {
          response.writeHead(201, { "set-cookie": ["a=1", "b=2"], "content-type": "application/json" });
          response.end(
            JSON.stringify({ method: request.method, body, token: request.headers[FRONT_HEADER], ip: request.headers[CLIENT_IP_HEADER] }),
          );
        });
    });
    const front = await listen(createProxy({ port: upstream, token: "secret", trustProxy: 0, log: () => {} }));
    const response = await fetch(`http://127.0.0.1:${front}/admin/x`, {
      method: "POST",
      body: "hello",
      headers: { [CLIENT_IP_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    // A client cannot choose the address that sign-in rate limits count.
    expect(await response.json()).toEqual({ method: "POST", body: "hello", token: "secret", ip: "127.0.0.1" });
  });

  it("sends a GET again on a new connection when Next closed the kept-alive one as it was reused, and a streamed POST not", async () => {
    // Next's server closes an idle kept-alive socket after 5 s; here the second request on each socket finds it closed.
    const perSocket = new WeakMap<object, number>();
    const upstream = await listen((request, response) => {
      const count = (perSocket.get(request.socket) ?? 0) + 1;
      perSocket.set(request.socket, count);
      if (count === 2) return void request.socket.destroy();
      request.resume();
      request.on("end", () => response.end(`${request.method} answered`));
    });
    const front = await listen(createProxy({ port: upstream, token: "t", trustProxy: 0, log: () => {} }));
    const agent = new http.Agent({ keepAlive: false });
    const ask = (method: string, body?: string) =>
      new Promise<[number, string]>((resolve, reject) => {
        const headers = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
        const request = http.request({ host: "127.0.0.1", port: front, method, path: "/admin", agent, headers }, (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve([response.statusCode ?? 0, text]));
        });
        request.on("error", reject);
        request.end(body);
      });
    expect(await ask("GET")).toEqual([200, "GET answered"]);
    expect(await ask("GET")).toEqual([200, "GET answered"]);
    expect(await ask("GET")).toEqual([200, "GET answered"]);
    // A body streamed through cannot be sent twice: the visitor is told to try again.
    const [status] = await ask("POST", "hello");
    expect(status).toBe(502);
    agent.destroy();
  });

  it("takes the address the trusted proxy appended to X-Forwarded-For, never one the client wrote", async () => {
    const upstream = await listen((request, response) => response.end(String(request.headers[CLIENT_IP_HEADER])));
    const ipVia = async (port: number, forwardedFor: string) =>
      (await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": forwardedFor } })).text();
    // One proxy (nginx's $proxy_add_x_forwarded_for): the client wrote the first entry, the proxy appended the last.
    const oneProxy = await listen(createProxy({ port: upstream, token: "t", trustProxy: 1, log: () => {} }));
    expect(await ipVia(oneProxy, "198.51.100.77, 203.0.113.9")).toBe("203.0.113.9");
    expect(await ipVia(oneProxy, "203.0.113.9")).toBe("203.0.113.9");
    // A CDN, then nginx: nginx appended the CDN's address; the CDN appended the client's.
    const twoProxies = await listen(createProxy({ port: upstream, token: "t", trustProxy: 2, log: () => {} }));
    expect(await ipVia(twoProxies, "198.51.100.77, 203.0.113.9, 192.0.2.10")).toBe("203.0.113.9");
    // Not an address: the socket's.
    expect(await ipVia(oneProxy, "203.0.113.9, not-an-ip")).toBe("127.0.0.1");
    const direct = await listen(createProxy({ port: upstream, token: "t", trustProxy: 0, log: () => {} }));
    expect(await ipVia(direct, "203.0.113.9")).toBe("127.0.0.1");
  });

  it("answers 502 when Next.js is not there", async () => {
    const closed = await listen(() => {});
    servers.pop()!.close();
    const orphan = await listen(createProxy({ port: closed, token: "t", trustProxy: 0, log: () => {} }));
    expect((await fetch(`http://127.0.0.1:${orphan}/`)).status).toBe(502);
  });

  it("says nothing when the browser goes away before Next answers (an aborted prefetch), and stops Next's request", async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let arrived!: () => void;
    const rendering = new Promise<void>((resolve) => (arrived = resolve));
    // Next still rendering: no answer yet.
    const upstream = await listen((request) => {
      request.socket.on("close", upstreamClosed);
      arrived();
    });
    const logs: string[] = [];
    const front = await listen(createProxy({ port: upstream, token: "t", trustProxy: 0, log: (line) => logs.push(line) }));
    const browser = http.get(`http://127.0.0.1:${front}/incidents/x?_rsc=prefetch`);
    browser.on("error", () => {});
    await rendering;
    browser.destroy();
    await closed;
    // The front server's request to Next has failed ("socket hang up") by the time Next saw its socket close.
    await new Promise((resolve) => setImmediate(resolve));
    expect(logs).toEqual([]);
  });
});
