import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLiveStreams, formatLiveEvent, isLiveStreamRequest } from "./live-stream";

let server: http.Server | undefined;

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function serveStreams(maxStreams: number) {
  const streams = createLiveStreams({ maxStreams, heartbeatMs: 60_000 });
  server = http.createServer((request, response) => streams.handle(request, response));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { streams, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/stream` };
}

/** Reads the stream until `count` events arrived. */
async function readEvents(response: Response, count: number): Promise<string[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (text.split("\n\n").filter((block) => block.includes("data:")).length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  return text.split("\n\n").filter((block) => block.includes("data:"));
}

describe("the live event stream", () => {
  it("recognises its path, with or without a query", () => {
    expect(isLiveStreamRequest({ url: "/api/v2/stream" } as http.IncomingMessage)).toBe(true);
    expect(isLiveStreamRequest({ url: "/api/v2/stream?x=1" } as http.IncomingMessage)).toBe(true);
    expect(isLiveStreamRequest({ url: "/api/v2/streams" } as http.IncomingMessage)).toBe(false);
  });

  it("sends the current version first, then each change, readable from any origin and never cached", async () => {
    const { streams, url } = await serveStreams(10);
    streams.publish({ generation: 3, version: "v3", changed: [] });
    const response = await fetch(url);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const reading = readEvents(response, 2);
    await expect.poll(() => streams.size).toBe(1);
    streams.publish({ generation: 4, version: "v4", changed: ["banner"] });
    const events = await reading;
    expect(events[0]).toContain('"generation":3');
    expect(events[1]).toBe(formatLiveEvent({ generation: 4, version: "v4", changed: ["banner"] }).trim());
    await expect.poll(() => streams.size).toBe(0);
  });

  it("tells a new stream the latest version, and sends open ones nothing for a change that names nothing", async () => {
    const { streams, url } = await serveStreams(10);
    const response = await fetch(url);
    const reading = readEvents(response, 2);
    await expect.poll(() => streams.size).toBe(1);
    streams.publish({ generation: 5, version: "v5", changed: [] });
    streams.publish({ generation: 6, version: "v6", changed: ["page"] });
    const events = await reading;
    expect(events[1]).toContain('"generation":6');
    const later = await readEvents(await fetch(url), 1);
    expect(later[0]).toContain('"generation":6');
  });

  it("answers 503 with Retry-After above the cap", async () => {
    const { streams, url } = await serveStreams(1);
    const first = await fetch(url);
    await expect.poll(() => streams.size).toBe(1);
    const second = await fetch(url);
    expect([second.status, second.headers.get("retry-after")]).toEqual([503, "30"]);
    await first.body!.cancel();
  });

  it("refuses methods other than GET, HEAD and OPTIONS", async () => {
    const { url } = await serveStreams(1);
    const response = await fetch(url, { method: "POST" });
    expect(response.status).toBe(405);
  });
});
