import { describe, expect, it } from "vitest";
import { buildEntry } from "./build-entry";

const rendered = (status: number) => ({ status, headers: { "content-type": "application/javascript" }, body: Buffer.from("x") });

describe("buildEntry", () => {
  it("marks static files immutable, but never a 404 under /_next/static/ (a later deploy may add the file)", async () => {
    expect((await buildEntry(rendered(200), "static", "static")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await buildEntry(rendered(404), "static", "static")).headers["cache-control"]).toBe("no-store");
    expect((await buildEntry(rendered(404), "page", 1)).headers["cache-control"]).toMatch(/^public, max-age=0/);
  });
});
