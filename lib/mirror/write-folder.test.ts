import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MirrorFile } from "./build-mirror";
import { orderForUpload, writeMirrorFolder } from "./write-folder";

const file = (name: string, kind: MirrorFile["kind"], body = name): MirrorFile => ({
  file: name,
  body: Buffer.from(body),
  contentType: "text/plain",
  cacheControl: "no-store",
  hash: body,
  kind,
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "candor-export-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the exported folder", () => {
  it("orders assets, data, deeper pages, then the front page", () => {
    const files = [
      file("index.html", "front"),
      file("history/index.html", "page"),
      file("incidents/a/index.html", "page"),
      file("api/banner", "data"),
      file("_next/static/a.css", "asset"),
    ];
    expect(orderForUpload(files).map((entry) => entry.file)).toEqual([
      "_next/static/a.css",
      "api/banner",
      "incidents/a/index.html",
      "history/index.html",
      "index.html",
    ]);
  });

  it("is laid out by path, and a later export removes what is no longer published (never outside the folder)", async () => {
    await writeMirrorFolder(folder, [
      file("index.html", "front"),
      file("incidents/a/index.html", "page"),
      file("incidents/b/index.html", "page"),
    ]);
    expect(await readFile(path.join(folder, "incidents/a/index.html"), "utf8")).toBe("incidents/a/index.html");
    const again = await writeMirrorFolder(folder, [
      file("index.html", "front", "new front"),
      file("incidents/a/index.html", "page"),
      file("../escape.html", "page"),
    ]);
    expect(again.removed).toBe(1);
    await expect(stat(path.join(folder, "incidents/b/index.html"))).rejects.toThrow();
    await expect(stat(path.join(folder, "..", "escape.html"))).rejects.toThrow();
    expect(await readFile(path.join(folder, "index.html"), "utf8")).toBe("new front");
  });
});
