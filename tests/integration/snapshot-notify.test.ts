// Instances learn of each other's writes by PostgreSQL NOTIFY, sent by the
// deferred trigger that bumps the snapshot version; the poll is only the
// fallback while the listening connection is down. (How soon is a figure for
// `npm run bench`, bench/large-page.ts, not a test on a shared machine.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabaseUrl } from "@/lib/db";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { PublicSnapshotStore } from "@/lib/public-snapshot/store";
import { SnapshotWatcher, type WatchState } from "@/lib/public-snapshot/watch";
import { updatePageSettings } from "@/lib/settings/update-settings";
import { createAdmin } from "../support/factories";

let actor: { id: string; email: string };
const watchers: SnapshotWatcher[] = [];
afterAll(() => Promise.all(watchers.map((watcher) => watcher.close())));
beforeAll(async () => {
  actor = await createAdmin();
});

function newStore(): PublicSnapshotStore {
  return new PublicSnapshotStore({ source: { readVersion: readSnapshotVersion, build: buildPublicSnapshot }, log: () => {} });
}

function stateOf(watcher: SnapshotWatcher, wanted: WatchState): Promise<void> {
  return new Promise((resolve) => {
    if (watcher.state === wanted) return resolve();
    const stop = watcher.onState((state) => {
      if (state !== wanted) return;
      stop();
      resolve();
    });
  });
}

/** Resolves when `store` shows the page renamed to `name`. */
function shows(store: PublicSnapshotStore, name: string): Promise<void> {
  return new Promise((resolve) => {
    if (store.peek()?.snapshot.settings.pageName === name) return resolve();
    const stop = store.onChange(() => {
      if (store.peek()?.snapshot.settings.pageName !== name) return;
      stop();
      resolve();
    });
  });
}

const rename = (pageName: string) =>
  updatePageSettings(actor, { pageName, brandColor: "#2563eb", timeZone: "UTC", requirePostmortemApproval: false });

async function terminateListener(): Promise<number> {
  const client = new pg.Client({ connectionString: getDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN candor_public_snapshot'",
    );
    return rows.filter((row) => row.ok).length;
  } finally {
    await client.end();
  }
}

describe("change notification between instances", () => {
  it("tells a second store of a write by NOTIFY alone (its poll is off while listening), only once the write commits", async () => {
    const store = newStore();
    await store.refresh();
    // A poll slower than the test: only the notification can deliver.
    const watcher = new SnapshotWatcher(store, getDatabaseUrl(), { pollMs: 3_600_000, safetyCheckMs: 3_600_000, log: () => {} });
    watchers.push(watcher);
    await stateOf(watcher, "listening");

    const listener = new pg.Client({ connectionString: getDatabaseUrl() });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (message) => payloads.push(message.payload ?? ""));
    await listener.query("LISTEN candor_public_snapshot");
    try {
      const seen = shows(store, "Notified status");
      await rename("Notified status");
      await seen;
      expect(store.peek()!.snapshot.version).toBe((await readSnapshotVersion()).version);
      // The payload is the new version; a rolled-back write sends nothing. This connection receives the
      // NOTIFY on its own, maybe after the store: a notification committed before a query arrives before its answer.
      await listener.query("SELECT 1");
      expect(payloads.at(-1)).toBe((await readSnapshotVersion()).version);
      const before = payloads.length;
      await listener.query("BEGIN");
      await listener.query("UPDATE page_settings SET page_name = 'Never committed'");
      await listener.query("ROLLBACK");
      await listener.query("SELECT 1"); // a round trip: anything sent would have arrived before its answer
      expect(payloads.length).toBe(before);
    } finally {
      await listener.end();
      await watcher.close();
    }
  });

  it("polls while the listening connection is killed, then listens again", async () => {
    const store = newStore();
    await store.refresh();
    // The fallback poll as in production; no reconnect until the test asks.
    const watcher = new SnapshotWatcher(store, getDatabaseUrl(), {
      pollMs: 250,
      reconnectDelayMs: 3_600_000,
      safetyCheckMs: 3_600_000,
      log: () => {},
    });
    watchers.push(watcher);
    await stateOf(watcher, "listening");

    const polling = stateOf(watcher, "polling");
    expect(await terminateListener()).toBeGreaterThanOrEqual(1);
    await polling;
    const seenByPoll = shows(store, "Polled status");
    await rename("Polled status");
    await seenByPoll;

    watcher.reconnect();
    await stateOf(watcher, "listening");
    const seenByNotify = shows(store, "Listening again");
    await rename("Listening again");
    await seenByNotify;
    expect(watcher.state).toBe("listening");
  });
});
