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
        historyCount: 0,
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

async function serveWithCache(
  render: (path: string) => Promise<RenderedResponse>,
  saved: SavedResponses,
  onRequest: () => void = () => {},
  extra: { now?: () => number; log?: (message: string) => void } = {},
) {
  const cache = createPublicCache({ view: viewOfStore(store), render, maxBytes: 1_000_000, saved, log: () => {}, ...extra });
  const server = http.createServer((request, response) => {
    onRequest();
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
  const newSaved = async () => new SavedResponses(await mkdtemp(path.join(os.tmpdir(), "candor-responses-")), () => {});
  /** A stand-in for Next.js that counts its renders and can be made to fail. */
  /** A stand-in for Next.js that counts its renders, can be made to fail, and finishes when `gate` opens. */
  function renderer(gate: Promise<void> = Promise.resolve()) {
    const state = { renders: 0, failing: false };
    const render = async () => {
      state.renders++;
      await gate;
      if (state.failing) throw new Error("Next is down");
      return page(`version ${version}`);
    };
    return { state, render };
  }

  it("renders once per snapshot however many ask at once, and passes other paths on", async () => {
    version = 1;
    await store.refresh();
    // The render finishes only once all 20 requests have reached the server: they all wait for the same one.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let arrived = 0;
    const { state, render } = renderer(gate);
    const { base } = await serveWithCache(render, await newSaved(), () => ++arrived === 20 && open());
    const first = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/?utm=${Math.random()}`).then((response) => response.text())),
    );
    expect(new Set(first)).toEqual(new Set(["<p>version 1</p>"]));
    expect(state.renders).toBe(1);
    expect((await fetch(`${base}/admin`)).status).toBe(418);
  });

  it("renders a changed snapshot again ahead of the next visitor", async () => {
    version = 1;
    await store.refresh();
    const { state, render } = renderer();
    const { base, cache } = await serveWithCache(render, await newSaved());
    await fetch(`${base}/`);
    version = 2;
    await store.refresh();
    await cache.refreshAhead();
    expect(state.renders).toBe(2);
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 2</p>");
    expect(state.renders).toBe(2);
  });

  it("does not render again ahead a page a visitor already had rendered for the new snapshot", async () => {
    version = 1;
    await store.refresh();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rendered: string[] = [];
    const render = async (path: string) => {
      rendered.push(path);
      // The second `/history` render (refresh-ahead's) waits until a visitor has had `/` rendered.
      if (path === "/history" && version === 2) await held;
      return page(`${path} version ${version}`);
    };
    const { base, cache } = await serveWithCache(render, await newSaved());
    await fetch(`${base}/`);
    await fetch(`${base}/history`);
    version = 2;
    await store.refresh();
    // `/history` was read last, so refresh-ahead renders it first.
    const refreshing = cache.refreshAhead();
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>/ version 2</p>");
    release();
    await refreshing;
    expect(rendered).toEqual(["/", "/history", "/history", "/"]);
  });

  it("answers as soon as a page is rendered, gzipped, then adds brotli and keeps that on disk", async () => {
    version = 1;
    await store.refresh();
    const saved = await newSaved();
    const { base } = await serveWithCache(renderer().render, saved);
    const first = await fetch(`${base}/`, { headers: { "accept-encoding": "br, gzip" } });
    expect([first.headers.get("content-encoding"), await first.text()]).toEqual(["gzip", "<p>version 1</p>"]);
    await saved.settled(); // brotli, then the disk copy
    const second = await fetch(`${base}/`, { headers: { "accept-encoding": "br, gzip" } });
    expect([second.headers.get("content-encoding"), await second.text()]).toEqual(["br", "<p>version 1</p>"]);
    const onDisk = await new SavedResponses(saved.directory, () => {}).load("/");
    expect(onDisk?.bodies.br?.length).toBeGreaterThan(0);
  });

  it("renders ahead one page at a time, each with its brotli made before the next", async () => {
    version = 1;
    await store.refresh();
    // Text that takes brotli's best quality tens of milliseconds, as a real page does.
    let seed = 1;
    const words = Array.from({ length: 30_000 }, () => ((seed = (seed * 48_271) % 2_147_483_647) % 5_000).toString(36)).join(" ");
    const render = async (path: string) => page(`${path} ${version} ${words}`);
    const { base, cache } = await serveWithCache(render, await newSaved());
    const paths = ["/", "/history", "/api/v2/summary.json"];
    for (const path of paths) await (await fetch(`${base}${path}`)).text();
    version = 2;
    await store.refresh();
    await cache.refreshAhead();
    for (const path of paths) {
      const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "br, gzip" } });
      expect([path, response.headers.get("content-encoding")]).toEqual([path, "br"]);
      expect(await response.text()).toContain(`${path} 2 `);
    }
  });

  it("warms up the pages it is given, keeping only those asked to be kept", async () => {
    version = 1;
    await store.refresh();
    const { state, render } = renderer();
    const { base, cache } = await serveWithCache(render, await newSaved());
    await cache.warmUp([
      { path: "/", keep: true },
      { path: "/history", keep: false },
      { path: "/admin", keep: true },
    ]);
    expect(state.renders).toBe(2);
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 1</p>");
    expect(state.renders).toBe(2);
    await fetch(`${base}/history`);
    expect(state.renders).toBe(3);
    state.failing = true;
    await expect(cache.warmUp([{ path: "/incidents/x", keep: false }])).resolves.toBeUndefined();
  });

  it("stands in with the last good response, marked stale, when rendering fails", async () => {
    version = 1;
    await store.refresh();
    const { state, render } = renderer();
    const { base } = await serveWithCache(render, await newSaved());
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 1</p>");
    state.failing = true;
    version = 2;
    await store.refresh();
    const stale = await fetch(`${base}/`);
    expect([stale.status, stale.headers.get("x-candor-stale"), await stale.text()]).toEqual([200, "1", "<p>version 1</p>"]);
  });

  it("after a render fails, serves the fallback without waiting and tries again behind it, one render at a time", async () => {
    version = 1;
    await store.refresh();
    let clock = 0;
    const logged: string[] = [];
    const { state, render } = renderer();
    const { base } = await serveWithCache(render, await newSaved(), undefined, { now: () => clock, log: (line) => logged.push(line) });
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 1</p>");
    state.failing = true; // as while the database hangs: every render fails (here at once, there after its deadline)
    version = 2;
    await store.refresh();
    const texts = async (count: number) => Promise.all(Array.from({ length: count }, async () => (await fetch(`${base}/`)).text()));
    expect(await texts(5)).toEqual(Array(5).fill("<p>version 1</p>"));
    expect(await texts(5)).toEqual(Array(5).fill("<p>version 1</p>"));
    expect(state.renders).toBe(2); // the first render, and one try for version 2 however many asked
    expect(logged).toEqual([expect.stringMatching(/^rendering \/ failed \(Next is down\); tried again in 5 s/)]);

    clock += 5_000;
    state.failing = false;
    // The visitor who comes once the pause is over still gets the last good page, and starts the next try.
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 1</p>");
    expect(state.renders).toBe(3);
    await expect.poll(async () => (await fetch(`${base}/`)).text()).toBe("<p>version 2</p>");
    expect(state.renders).toBe(3);
  });

  it("a failed render is tried again at once after the snapshot changes", async () => {
    version = 1;
    await store.refresh();
    const { state, render } = renderer();
    const { base } = await serveWithCache(render, await newSaved(), undefined, { now: () => 0 });
    await fetch(`${base}/history`);
    state.failing = true;
    version = 2;
    await store.refresh();
    expect((await fetch(`${base}/history`)).headers.get("x-candor-stale")).toBe("1");
    state.failing = false;
    version = 3;
    await store.refresh();
    const fresh = await fetch(`${base}/history`);
    expect([fresh.headers.get("x-candor-stale"), await fresh.text()]).toEqual([null, "<p>version 3</p>"]);
  });

  it("answers a 404 it holds (an unknown incident) with the same 404 when rendering fails, not a 503", async () => {
    version = 1;
    await store.refresh();
    let failing = false;
    const render = async (renderPath: string): Promise<RenderedResponse> => {
      if (failing) throw new Error("the database is down");
      return renderPath.startsWith("/incidents/") ? { ...page("No such incident"), status: 404 } : page(`version ${version}`);
    };
    const { base } = await serveWithCache(render, await newSaved());
    expect((await fetch(`${base}/incidents/nope`)).status).toBe(404);
    failing = true;
    version = 2;
    await store.refresh();
    const during = await fetch(`${base}/incidents/nope`);
    expect([during.status, during.headers.get("x-candor-stale")]).toEqual([404, "1"]);
    expect(await during.text()).toContain("No such incident");
  });

  it("after a restart during an outage, answers the shared 404s (history past its end, unknown incidents) with a plain 404", async () => {
    version = 1;
    await store.refresh();
    const saved = await newSaved();
    const render = async (renderPath: string): Promise<RenderedResponse> =>
      renderPath === "/" ? page("front") : { ...page("No such page"), status: 404 };
    const { base } = await serveWithCache(render, saved);
    await fetch(`${base}/history?page=5`);
    // With no list of incident ids in this store, an incident URL is its own route: nothing to say but a 503.
    await fetch(`${base}/incidents/made-up`);
    await saved.settled();
    const restarted = await serve(
      async () => Promise.reject(new Error("the database is down")),
      new SavedResponses(saved.directory, () => {}),
    );
    expect((await fetch(`${restarted}/history?page=7`)).status).toBe(404);
    expect((await fetch(`${restarted}/incidents/made-up`)).status).toBe(503);
  });

  it("after a restart that cannot render, serves the copy on disk, and a plain 503 where none was saved", async () => {
    version = 1;
    await store.refresh();
    const saved = await newSaved();
    const { render } = renderer();
    const { base } = await serveWithCache(render, saved);
    expect(await (await fetch(`${base}/`)).text()).toBe("<p>version 1</p>");
    await saved.settled(); // saved to disk in the background

    // The same directory, as a restarted process opens it.
    const restarted = await serve(async () => Promise.reject(new Error("Next is down")), new SavedResponses(saved.directory, () => {}));
    expect(await (await fetch(`${restarted}/`)).text()).toBe("<p>version 1</p>");
    const nothing = await fetch(`${restarted}/history`);
    expect([nothing.status, nothing.headers.get("retry-after")]).toEqual([503, "10"]);
  });

  it("puts the stale notice into a saved page served in place of a render, once, and leaves JSON alone", async () => {
    version = 1;
    await store.refresh();
    const saved = await newSaved();
    const html = Buffer.from('<!DOCTYPE html><html><body class="x"><main>version 1</main></body></html>');
    const json = Buffer.from('{"version":1}');
    const render = async (renderPath: string): Promise<RenderedResponse> => ({
      status: 200,
      headers: { "content-type": renderPath.endsWith(".json") ? "application/json" : "text/html; charset=utf-8" },
      body: renderPath.endsWith(".json") ? json : html,
    });
    const live = await serve(render, saved);
    const before = Date.now();
    expect(await (await fetch(`${live}/`)).text()).not.toContain("could not be refreshed");
    await fetch(`${live}/api/v2/summary.json`);
    await saved.settled();

    // Restarted with a damaged snapshot and no database: only the saved copies are left.
    const down = await serve(async () => Promise.reject(new Error("no snapshot")), new SavedResponses(saved.directory, () => {}));
    const first = await fetch(`${down}/`);
    const text = await first.text();
    expect([first.status, first.headers.get("x-candor-stale"), first.headers.get("cache-control")]).toEqual([
      200,
      "1",
      expect.stringMatching(/^public/),
    ]);
    expect(text).toMatch(/^<!DOCTYPE html><html><body class="x"><candor-stale-notice[^>]*><p role="status"/);
    expect(text).toContain("This page could not be refreshed just now. It shows the status as saved at <time datetime=");
    const savedAt = Date.parse(/datetime="([^"]+)"/.exec(text)![1]!);
    expect(savedAt).toBeGreaterThanOrEqual(before - 1);
    expect(text).toContain("<main>version 1</main>");
    const again = await fetch(`${down}/`, { headers: { "accept-encoding": "br" } });
    expect(await again.text()).toBe(text);
    expect(again.headers.get("etag")?.slice(0, 23)).toBe(first.headers.get("etag")?.slice(0, 23)); // the same page, made once
    expect(await (await fetch(`${down}/api/v2/summary.json`)).text()).toBe('{"version":1}');
  });
});
