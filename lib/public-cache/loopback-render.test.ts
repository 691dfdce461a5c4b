import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createLoopbackRenderer } from "./loopback-render";

const servers: http.Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));

describe("rendering through Next's loopback port", () => {
  it("asks again on a new socket when a kept-alive one was closed as it was reused", async () => {
    // Next's server closing an idle socket just as the front thread reuses it: the request dies with ECONNRESET.
    const served = new WeakMap<Socket, number>();
    const server = http.createServer((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1;
      served.set(request.socket, count);
      if (count > 1) return void request.socket.destroy();
      response.writeHead(200, { "content-type": "text/plain" }).end(`rendered ${request.url}`);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const render = createLoopbackRenderer(() => ({ port: (server.address() as AddressInfo).port }), "token");
    expect((await render("/a")).body.toString()).toBe("rendered /a");
    const again = await render("/b");
    expect([again.status, again.body.toString()]).toEqual([200, "rendered /b"]);
  });
});
