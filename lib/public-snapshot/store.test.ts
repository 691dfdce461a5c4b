import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PublicSnapshotStore } from "./store";
import type { PublicSnapshot } from "./types";

const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** The database as a refused connection: what pg throws (an empty message, only a code). */
const unreachable = {
  readVersion: () => Promise.reject(Object.assign(new Error(""), { code: "ECONNREFUSED" })),
  build: () => Promise.reject(new Error("not reached")),
};

describe("PublicSnapshotStore with the database unreachable", () => {
  it("says a truncated saved snapshot is damaged, once, and counts as unreachable without it", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "candor-store-"));
    roots.push(root);
    const file = path.join(root, "snapshot.json");
    await writeFile(file, '{"format":1,"snapshot":{"version":"7","compon');
    const logs: string[] = [];
    const store = new PublicSnapshotStore({ source: unreachable, file, log: (line) => logs.push(line) });
    let changes = 0;
    store.onChange(() => changes++);
    await store.refresh();
    await store.refresh();
    expect(store.peek()).toBeUndefined();
    expect(store.unreachableSince).toBeInstanceOf(Date);
    expect(changes).toBe(1); // the front thread is told, so saved responses go out marked stale
    expect(logs).toEqual([
      expect.stringMatching(/^the saved public snapshot .*snapshot\.json is damaged \(45 bytes, not a complete snapshot\)/),
      expect.stringMatching(/^the database cannot be reached \(ECONNREFUSED\) and no usable snapshot is saved/),
    ]);
  });
});

describe("PublicSnapshotStore started while the database is down", () => {
  it("knows the incident ids it saved beside its snapshot", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "candor-store-"));
    roots.push(root);
    const file = path.join(root, "snapshot.json");
    const working = new PublicSnapshotStore({
      source: {
        readVersion: async () => ({ version: "3", changedAt: new Date() }),
        build: async () =>
          ({
            version: "3",
            builtAt: new Date(),
            validUntil: new Date(Date.now() + 60_000),
            incidents: [],
            settings: { pageName: "Acme" },
          }) as unknown as PublicSnapshot,
        listIncidentIds: async () => ["inc-a", "inc-b"],
      },
      file,
      log: () => {},
    });
    await working.refresh();
    await working.settled();

    const restarted = new PublicSnapshotStore({ source: unreachable, file, log: () => {} });
    await restarted.refresh();
    expect(restarted.peek()?.snapshot.version).toBe("3");
    expect(restarted.incidentIds).toEqual(["inc-a", "inc-b"]);
  });
});
