import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PublicSnapshotStore } from "../public-snapshot/store";
import type { PublicSnapshot } from "../public-snapshot/types";
import type { RenderedResponse } from "./build-entry";
import { createPublicCache } from "./handler";
import { PublicViewCopy, publicViewState } from "./public-view";
import { SavedResponses } from "./saved-responses";

// The render step is the seam: here it stands in for Next.js so a failure can be chosen.
let version = 1;
const store = new PublicSnapshotStore({
  source: {
    readVersion: async () => ({ version: String(version), changedAt: new Date() }),
    build: async ({ version: built }) =>
      ({
        version: built,
        incidents: [],
        settings: { pageName: `Page ${built}` },
        validUntil: new Date(Date.now() + 60_000),
      }) as unknown as PublicSnapshot,
  },
  log: () => {},
});
/** The store's state as the front thread receives it, kept current in this thread. */
function viewOfStore(source: PublicSnapshotStore): PublicViewCopy {
  const view = new PublicViewCopy();
  const sync = () => view.update(publicViewState(source));
  sync();
  source.onChange(sync);
  return view;
}

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(render: (path: string) => Promise<RenderedResponse>, saved: SavedResponses): Promise<string> {
  return (await serveWithCache(render, saved)).base;
}

async function serveWithCache(render: (path: string) => Promise<RenderedResponse>, saved: SavedResponses) {
  const cache = createPublicCache({ view: viewOfStore(store), render, maxBytes: 1_000_000, saved, log: () => {} });
  const server = http.createServer((request, response) => {
    if (!cache.handle(request, response)) response.writeHead(418).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cache };
}

const page = (text: string): RenderedResponse => ({
  status: 200,
  headers: { "content-type": "text/html" },
  body: Buffer.from(`<p>${text}</p>`),
});

describe("the public response cache", () => {
  it("renders once per snapshot however many wait, and stands in with the last good response when rendering fails", async () => {
    const saved = new SavedResponses(await mkdtemp(path.join(os.tmpdir(), "candor-responses-")), () => {});
    await store.refresh();
    let renders = 0;
    let failing = false;
    const { base, cache } = await serveWithCache(async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (failing) throw new Error("Next is down");
      return page(`version ${version}`);
    }, saved);

    const first = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/?utm=${Math.random()}`).then((response) => response.text())),
    );
    expect(new Set(first)).toEqual(new Set(["<p>version 1</p>"]));
    expect(renders).toBe(1);
    expect((await fetch(`${base}/admin`)).status).toBe(418);

    version = 2;
    await store.refresh();
    // Rendered again ahead of the next visitor.
    await cache.refreshAhead();
    expect(renders).toBe(2);
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 2</p>");
    expect(renders).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100)); // saved to disk in the background

    failing = true;
    version = 3;
    await store.refresh();
    const stale = await fetch(`${base}/`);
    expect([stale.status, stale.headers.get("x-candor-stale"), await stale.text()]).toEqual([200, "1", "<p>version 2</p>"]);

    // A restarted server that cannot render serves the copy on disk.
    const restarted = await serve(async () => Promise.reject(new Error("Next is down")), saved);
    expect(await (await fetch(`${restarted}/`)).text()).toBe("<p>version 2</p>");
    // Nothing saved for this path: a plain 503, never a hang.
    const nothing = await fetch(`${restarted}/history`);
    expect([nothing.status, nothing.headers.get("retry-after")]).toEqual([503, "10"]);
  });
});
