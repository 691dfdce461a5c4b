import { describe, expect, it } from "vitest";
import { prepareEntry } from "./build-entry";
import { ResponseCache } from "./response-cache";

const entry = (bytes: number) =>
  prepareEntry({
    generation: 1,
    status: 200,
    headers: {},
    etag: "x",
    bodies: { identity: Buffer.alloc(bytes), gzip: Buffer.alloc(0), br: Buffer.alloc(0) },
  });

describe("ResponseCache", () => {
  it("stays within its byte budget, dropping the least recently used first", () => {
    const cache = new ResponseCache(100);
    cache.set("/a", entry(40));
    cache.set("/b", entry(40));
    cache.get("/a");
    cache.set("/c", entry(40));
    expect(cache.get("/b")).toBeUndefined();
    expect(cache.get("/a")).toBeDefined();
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    cache.set("/huge", entry(101));
    expect(cache.get("/huge")).toBeUndefined();
    cache.set("/a", entry(10));
    expect(cache.size).toEqual({ entries: 2, bytes: 50 });
  });
});
