// A page with years of history: the snapshot holds what the front page shows
// and no more; history and old incident pages are read on their own when
// first asked, kept by the front server's cache per snapshot, and served from
// their saved bytes while the database is down.
import http from "node:http";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderedResponse } from "@/lib/public-cache/build-entry";
import { largePageIncidentId, writeLargePage, type LargePageSize } from "../support/large-page";

/** A TCP hop to the database that the test can cut, as if PostgreSQL stopped (every query of this file goes through it). */
async function startCuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket)).on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    url: Object.assign(new URL(target.href), { host: `127.0.0.1:${port}` }).href,
    cut: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server!.close(() => resolve());
      }),
    restore: async () => {
      if (!server?.listening) await open();
    },
    close: () => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve())),
  };
}

const directUrl = process.env.DATABASE_URL!;
const proxy = await startCuttableProxy(new URL(directUrl));
// Before anything reads the environment: Candor's own queries go through the proxy.
process.env.DATABASE_URL = proxy.url;
const { buildPublicSnapshot, readSnapshotVersion } = await import("@/lib/public-snapshot/build-snapshot");
const { createPublicSnapshotStore } = await import("@/lib/public-snapshot");
const { readHistoryPage, readPublicIncident } = await import("@/lib/public-snapshot/pages");
const { serializeSnapshot } = await import("@/lib/public-snapshot/serialize");
const { createPublicCache } = await import("@/lib/public-cache/handler");
const { PublicViewCopy, publicViewState } = await import("@/lib/public-cache/public-view");
const { SavedResponses } = await import("@/lib/public-cache/saved-responses");
const { createAdmin } = await import("../support/factories");
afterAll(() => proxy.close());

const now = new Date();
const RECENT: LargePageSize = {
  components: 20,
  groups: 4,
  years: 10 / 365,
  incidents: 10,
  updatesPerIncident: 3,
  maintenance: 2,
  postmortems: 2,
};
const OLD: LargePageSize = { ...RECENT, years: 10, incidents: 1_000, updatesPerIncident: 5, maintenance: 50, postmortems: 100 };
const oldIncident = largePageIncidentId(700, "old");

/** What a snapshot shows, apart from when it was built and how much history lies behind it. */
function shown(snapshot: Awaited<ReturnType<typeof buildPublicSnapshot>>) {
  const { version: _v, changedAt: _c, builtAt: _b, validUntil: _u, digest: _d, historyCount: _h, ...rest } = snapshot;
  return rest;
}

let small: Awaited<ReturnType<typeof buildPublicSnapshot>>;
beforeAll(async () => {
  await createAdmin();
  await writeLargePage(directUrl, RECENT, { now });
  small = await buildPublicSnapshot(await readSnapshotVersion(), now);
  // A thousand incidents older than the uptime bars, on the same components.
  await writeLargePage(directUrl, OLD, { now, prefix: "old", newestAgeDays: 200, withComponents: false });
}, 120_000);

describe("a page with years of history", () => {
  it("has a snapshot the same size with 1,010 incidents as with 10", async () => {
    const large = await buildPublicSnapshot(await readSnapshotVersion(), now);
    expect(large.historyCount).toBe(small.historyCount! + OLD.incidents + OLD.maintenance);
    expect(shown(large)).toEqual(shown(small));
    // The count's extra digits are all that grows.
    expect(serializeSnapshot(large).length - serializeSnapshot(small).length).toBeLessThanOrEqual(4);
  });

  it("reads an old incident, its postmortem and a deep history page on their own, as customers see them", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion(), now);
    expect(snapshot.incidents.some((incident) => incident.id === oldIncident)).toBe(false);
    const found = (await readPublicIncident(snapshot, oldIncident))!;
    expect(found.incident.title).toBe("Elevated errors on service 1 (#700)");
    // Newest first: the last of five updates resolved it.
    expect(found.incident.updates.map((update) => update.status)).toEqual([
      "resolved",
      "investigating",
      "monitoring",
      "identified",
      "investigating",
    ]);
    expect(found.incident.updates.every((update) => update.authorName === null && !update.isInternal)).toBe(true);
    expect(found.postmortem?.title).toMatch(/^What happened on /);
    expect(await readPublicIncident(snapshot, "no-such-incident")).toBeNull();

    // Page 30 of 20 a page: closed items 581–600, newest first.
    const page = (await readHistoryPage(snapshot, 30))!;
    expect(page.items).toHaveLength(20);
    expect(page.hasMore).toBe(true);
    const starts = page.items.map((incident) => incident.startedAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(await readHistoryPage(snapshot, 10_000)).toBeNull();
  });
});

/** A stand-in for Next.js's render of the history and incident pages: the same reads, as text. */
async function renderPage(store: ReturnType<typeof createPublicSnapshotStore>, renders: string[], url: string): Promise<RenderedResponse> {
  renders.push(url);
  const text = (body: string, status = 200): RenderedResponse => ({
    status,
    headers: { "content-type": "text/plain" },
    body: Buffer.from(body),
  });
  try {
    const { snapshot } = await store.read();
    const { pathname, searchParams } = new URL(url, "http://candor.invalid");
    if (pathname === "/history") {
      const page = await readHistoryPage(snapshot, Number(searchParams.get("page") ?? "1"));
      return page ? text(page.items.map((incident) => incident.title).join("\n")) : text("Not found", 404);
    }
    const found = await readPublicIncident(snapshot, pathname.split("/")[2]!);
    return found
      ? text(`${found.incident.title}\n${found.incident.updates.map((update) => update.message).join("\n")}`)
      : text("Not found", 404);
  } catch (error) {
    return text(`Internal error: ${(error as Error).message}`, 500);
  }
}

describe("history pages through the front server's cache", () => {
  it("are rendered once per snapshot, and while the database is down served from their saved bytes, or a clear 503 when never seen", async () => {
    const store = createPublicSnapshotStore();
    await store.refresh();
    const view = new PublicViewCopy();
    let sent = publicViewState(store);
    view.update(sent);
    store.onChange(() => view.update((sent = publicViewState(store, sent))));
    // The front learns every incident id, old ones too: an old incident gets its own page, not the shared 404.
    expect(view.incidentIds?.has(oldIncident)).toBe(true);

    const renders: string[] = [];
    const saved = new SavedResponses(await mkdtemp(path.join(os.tmpdir(), "candor-history-")), () => {});
    const cache = createPublicCache({ view, render: (url) => renderPage(store, renders, url), maxBytes: 10_000_000, saved, log: () => {} });
    const server = http.createServer((request, response) => {
      if (!cache.handle(request, response)) response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const get = async (pathname: string) => {
      const response = await fetch(base + pathname);
      return { status: response.status, stale: response.headers.get("x-candor-stale"), body: await response.text() };
    };
    try {
      const incident = await get(`/incidents/${oldIncident}`);
      expect(incident.status).toBe(200);
      expect(incident.body).toContain("Elevated errors on service 1 (#700)");
      expect(await get(`/incidents/${oldIncident}`)).toEqual(incident);
      const history = await get("/history?page=40");
      expect(history.status).toBe(200);
      expect(await get("/history?page=40")).toEqual(history);
      expect(renders).toEqual([`/incidents/${oldIncident}`, "/history?page=40"]);
      await saved.settled();

      await proxy.cut();
      await store.refresh();
      expect(store.peek()?.staleSince).toBeInstanceOf(Date);
      expect(await get("/history?page=40")).toEqual({ ...history, stale: "1" });
      expect(await get(`/incidents/${oldIncident}`)).toEqual({ ...incident, stale: "1" });
      const unseen = await get("/history?page=41");
      expect([unseen.status, unseen.body]).toEqual([
        503,
        "The status page is temporarily unavailable. Please try again in a few seconds.\n",
      ]);
      expect((await get(`/incidents/${largePageIncidentId(701, "old")}`)).status).toBe(503);
      await proxy.restore();
      await store.refresh();
      expect(store.peek()?.staleSince).toBeNull();
      expect((await get("/history?page=41")).status).toBe(200);
    } finally {
      await proxy.restore();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
