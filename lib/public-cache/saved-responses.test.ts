import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildEntry } from "./build-entry";
import type { CachedResponse } from "./response-cache";
import { SavedResponses } from "./saved-responses";

const entryOf = (text: string) =>
  buildEntry({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(`<p>${text}</p>`) }, "page", 1);

describe("saved responses", () => {
  it("writes a key's copies in the order they were saved, whichever is ready first", async () => {
    const saved = new SavedResponses(await mkdtemp(path.join(os.tmpdir(), "candor-saved-")), () => {});
    let finishOlder!: (entry: CachedResponse) => void;
    const older = new Promise<CachedResponse>((resolve) => (finishOlder = resolve));
    void saved.save("/", older);
    void saved.save("/", await entryOf("newer"));
    finishOlder(await entryOf("older"));
    await saved.settled();
    expect((await saved.load("/"))?.bodies.identity.toString()).toBe("<p>newer</p>");
  });

  it("saves nothing for a copy that comes to null (a newer one took its place)", async () => {
    const saved = new SavedResponses(await mkdtemp(path.join(os.tmpdir(), "candor-saved-")), () => {});
    void saved.save("/", await entryOf("kept"));
    void saved.save("/", Promise.resolve(null));
    await saved.settled();
    expect((await saved.load("/"))?.bodies.identity.toString()).toBe("<p>kept</p>");
  });
});
