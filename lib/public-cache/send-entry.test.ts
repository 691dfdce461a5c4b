import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEntry, withBrotli } from "./build-entry";
import type { CachedResponse } from "./response-cache";
import { readCacheHeaders } from "./request-headers";
import { sendEntry } from "./send-entry";

// A real socket: what a client receives is what counts.
let entry: CachedResponse;
let server: http.Server;
let base: string;

beforeAll(async () => {
  entry = await withBrotli(
    await buildEntry(
      {
        status: 200,
        headers: { "content-type": "text/html", "set-cookie": undefined, "cache-control": "private, no-store", vary: "RSC" },
        body: Buffer.from("<p>All systems operational</p>".repeat(50)),
      },
      "page",
      1,
    ),
  );
  server = http.createServer((request, response) => sendEntry(request, response, entry, readCacheHeaders(request))).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(
  headers: Record<string, string | string[]>,
  method = "GET",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(base, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response
          .on("data", (chunk) => chunks.push(chunk))
          .on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

describe("sendEntry", () => {
  it("sends the best accepted encoding, brotli on a tie, with public caching headers", async () => {
    const plain = "<p>All systems operational</p>".repeat(50);
    const br = await get({ "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(plain);
    const gz = await get({ "accept-encoding": "gzip;q=1, br;q=0.5" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(plain);
    const identity = await get({});
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(plain);
    expect(identity.headers["cache-control"]).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400");
    expect(identity.headers.vary).toBe("Accept-Encoding");
    expect(identity.headers["set-cookie"]).toBeUndefined();
    expect(br.headers.etag).not.toBe(identity.headers.etag);
  });

  it("answers 304 to a matching If-None-Match of any encoding, and ignores malformed ones", async () => {
    const first = await get({ "accept-encoding": "gzip" });
    expect((await get({ "accept-encoding": "gzip", "if-none-match": first.headers.etag! })).status).toBe(304);
    expect((await get({ "if-none-match": `W/${first.headers.etag}` })).status).toBe(304);
    expect((await get({ "if-none-match": `"other", ${first.headers.etag}` })).status).toBe(304);
    for (const bad of ['"', ",,,", '"unterminated', "x".repeat(4000)]) expect((await get({ "if-none-match": bad })).status).toBe(200);
  });

  it("answers a brotli client with gzip while the entry has no brotli body yet", async () => {
    const complete = entry;
    entry = await buildEntry({ status: 200, headers: { "content-type": "text/html" }, body: complete.bodies.identity }, "page", 1);
    try {
      const response = await get({ "accept-encoding": "br, gzip" });
      expect([response.headers["content-encoding"], response.headers.etag]).toEqual(["gzip", `"${entry.etag}-gzip"`]);
      expect(gunzipSync(response.body).equals(complete.bodies.identity)).toBe(true);
      // A client that takes brotli but not gzip gets the plain body, never gzip.
      for (const acceptEncoding of ["br", "gzip;q=0, br", "br, identity;q=0.5"]) {
        const plain = await get({ "accept-encoding": acceptEncoding });
        expect([acceptEncoding, plain.headers["content-encoding"], plain.headers.etag]).toEqual([
          acceptEncoding,
          undefined,
          `"${entry.etag}"`,
        ]);
        expect(plain.body.equals(complete.bodies.identity)).toBe(true);
      }
    } finally {
      entry = complete;
    }
  });

  it("answers a 304 with the tag the client holds, whichever encoding it prefers now", async () => {
    const gzipTag = `"${entry.etag}-gzip"`;
    const notModified = await get({ "accept-encoding": "br, gzip", "if-none-match": gzipTag });
    expect([notModified.status, notModified.headers.etag]).toEqual([304, gzipTag]);
    const any = await get({ "accept-encoding": "br", "if-none-match": "*" });
    expect([any.status, any.headers.etag]).toEqual([304, `"${entry.etag}-br"`]);
  });

  it("reads a field sent on several lines as one list", async () => {
    const first = await get({ "accept-encoding": "gzip" });
    // An array is sent as one line per value.
    expect((await get({ "accept-encoding": ["br", "identity"], "if-none-match": [first.headers.etag!, '"other"'] })).status).toBe(304);
    const encodings = await get({ "accept-encoding": ["br", "identity"] });
    expect(encodings.headers["content-encoding"]).toBe("br");
  });

  it("answers HEAD with the headers and no body", async () => {
    const head = await get({ "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(entry.bodies.br!.length);
    expect(head.body.length).toBe(0);
  });
});
