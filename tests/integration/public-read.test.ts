import net from "node:net";
import os from "node:os";
import path from "node:path";
import { mkdtemp } from "node:fs/promises";
import pg from "pg";
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { publishBanner } from "@/lib/banner/publish-banner";
import { getDatabaseUrl } from "@/lib/db";
import { deleteComponent } from "@/lib/components/delete-component";
import { moveItem } from "@/lib/components/move";
import { createComponent, updateComponent } from "@/lib/components/save-component";
import { createGroup, renameGroup } from "@/lib/components/save-group";
import { setComponentStatus } from "@/lib/components/set-status";
import { buildHistoryAtom, buildHistoryRss } from "@/lib/feeds/history-feed";
import { addInternalNote } from "@/lib/incidents/add-note";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { deleteIncidentUpdate } from "@/lib/incidents/delete-update";
import { editIncidentUpdate } from "@/lib/incidents/edit-update";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { scheduleMaintenance } from "@/lib/incidents/schedule-maintenance";
import { createIncidentTemplate } from "@/lib/incidents/templates";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { PublicSnapshotStore, SnapshotUnavailableError, type SnapshotSource } from "@/lib/public-snapshot/store";
import { updatePageSettings } from "@/lib/settings/update-settings";
import { answerV2, V2_ENDPOINTS } from "@/lib/statuspage-api/to-v2";
import { createAdmin } from "../support/factories";
import * as statuspage from "../support/statuspage-v2-schema";

let actor: { id: string; email: string };
let appId: string;
let apiId: string;
let incidentId: string;
let groupId: string;
const INTERNAL = "Root cause: the deploy script read the wrong env file.";
const databaseSource: SnapshotSource = { readVersion: readSnapshotVersion, build: (version, now) => buildPublicSnapshot(version, now) };

beforeAll(async () => {
  actor = await createAdmin();
  appId = (await createComponent(actor, { name: "Web app", isVisible: true })).id;
  apiId = (await createComponent(actor, { name: "API", isVisible: true })).id;
});

async function versionMovesWith(write: () => Promise<unknown>): Promise<boolean> {
  const before = (await readSnapshotVersion()).version;
  await write();
  return (await readSnapshotVersion()).version !== before;
}

describe("the public snapshot version", () => {
  it("moves with every kind of write the public can see, once per transaction", async () => {
    const writes: [string, () => Promise<unknown>][] = [
      [
        "settings",
        () =>
          updatePageSettings(actor, {
            pageName: "Acme status",
            brandColor: "#2563eb",
            timeZone: "Europe/London",
            requirePostmortemApproval: false,
          }),
      ],
      ["group", async () => (groupId = (await createGroup(actor, "Core platform")).id)],
      ["new component", () => createComponent(actor, { name: "Webhooks", isVisible: true, groupId })],
      ["component edit", () => updateComponent(actor, { componentId: apiId, name: "Public API", isVisible: true })],
      ["component status", () => setComponentStatus(actor, { componentId: apiId, status: "degraded_performance" })],
      ["move", () => moveItem(actor, { kind: "component", id: apiId, direction: "up" })],
      [
        "declare",
        async () => {
          incidentId = (
            await declareIncident(actor, {
              title: "Data from 27–28 November lost",
              impact: "critical",
              status: "investigating",
              message: "Looking into reports of missing data.",
              components: [{ componentId: appId, status: "major_outage" }],
            })
          ).id;
        },
      ],
      [
        "update",
        () =>
          postIncidentUpdate(actor, {
            incidentId,
            status: "identified",
            message: "Production pointed at a temporary database.",
            components: [{ componentId: appId, status: "partial_outage" }],
          }),
      ],
      ["internal note", () => addInternalNote(actor, { incidentId, message: INTERNAL })],
      [
        "banner",
        () => publishBanner(actor, { kind: "publish", input: { message: "Re-enter changes made since 01:00 GMT.", severity: "critical" } }),
      ],
      [
        "maintenance",
        () =>
          scheduleMaintenance(actor, {
            title: "Database upgrade",
            message: "Brief read-only periods.",
            scheduledStart: new Date(Date.now() + 86_400_000),
            scheduledEnd: new Date(Date.now() + 90_000_000),
            componentIds: [apiId],
          }),
      ],
    ];
    for (const [name, write] of writes) expect([name, await versionMovesWith(write)]).toEqual([name, true]);

    const group = await createGroup(actor, "Temporary");
    expect(await versionMovesWith(() => renameGroup(actor, group.id, "Temporary group"))).toBe(true);
    const spare = await createComponent(actor, { name: "Spare", isVisible: true });
    expect(await versionMovesWith(() => deleteComponent(actor, spare.id))).toBe(true);
    const typo = await postIncidentUpdate(actor, { incidentId, status: "identified", message: "Tpyo", components: [] });
    expect(await versionMovesWith(() => editIncidentUpdate(actor, { updateId: typo.id, message: "Typo fixed" }))).toBe(true);
    expect(await versionMovesWith(() => deleteIncidentUpdate(actor, typo.id))).toBe(true);

    // Operators' own data is not public: no rebuild for it.
    expect(
      await versionMovesWith(() =>
        createIncidentTemplate(actor, { name: "Investigating", title: "x", status: "investigating", message: "We are looking into it." }),
      ),
    ).toBe(false);
    // One transaction touching many rows moves the version by one.
    const before = BigInt((await readSnapshotVersion()).version);
    await declareIncident(actor, {
      title: "Many rows",
      impact: "minor",
      status: "investigating",
      message: "x",
      components: [
        { componentId: appId, status: "degraded_performance" },
        { componentId: apiId, status: "degraded_performance" },
      ],
    });
    expect(BigInt((await readSnapshotVersion()).version) - before).toBe(1n);
  });

  it("is noticed by two independent stores (two instances) that poll as server.ts does", async () => {
    // How soon is a figure for `npm run bench` (bench/public-read.ts), not a test on a shared machine.
    const stores = [
      new PublicSnapshotStore({ source: databaseSource, log: () => {} }),
      new PublicSnapshotStore({ source: databaseSource, log: () => {} }),
    ];
    await Promise.all(stores.map((store) => store.refresh()));
    const renamed = stores.map(
      (store) =>
        new Promise<void>((resolve) => {
          const stop = store.onChange(() => {
            if (store.peek()?.snapshot.settings.pageName !== "Renamed status") return;
            stop();
            resolve();
          });
        }),
    );
    // What server.ts does: each instance checks its version every 250 ms.
    const timers = stores.map((store) => setInterval(() => void store.refresh(), 250));
    try {
      await updatePageSettings(actor, {
        pageName: "Renamed status",
        brandColor: "#2563eb",
        timeZone: "UTC",
        requirePostmortemApproval: false,
      });
      await Promise.all(renamed);
    } finally {
      timers.forEach(clearInterval);
    }
  });
});

/** A TCP hop to the database that the test can cut, as if PostgreSQL stopped. */
async function startCuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const open = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket)).on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve((server!.address() as net.AddressInfo).port));
    });
  let port = 0;
  port = await open();
  return {
    url: Object.assign(new URL(target.href), { host: `127.0.0.1:${port}` }).href,
    cut: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server!.close(() => resolve());
      }),
    restore: async () => void (await open()),
  };
}

function sourceThrough(url: string): SnapshotSource {
  return {
    async readVersion() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        const { rows } = await client.query<{ version: string; changed_at: Date }>(
          "SELECT version::text, changed_at FROM public_snapshot_version WHERE id = 1",
        );
        return { version: rows[0]!.version, changedAt: rows[0]!.changed_at };
      } finally {
        await client.end().catch(() => {});
      }
    },
    build: (version, now) => buildPublicSnapshot(version, now),
  };
}

describe("with the database unreachable", () => {
  it("serves the last good snapshot marked stale, from memory and after a restart from disk, and recovers by itself", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "candor-snapshot-")), "public", "snapshot.json");
    const proxy = await startCuttableProxy(new URL(getDatabaseUrl()));
    const store = new PublicSnapshotStore({ source: sourceThrough(proxy.url), file, log: () => {} });
    const live = await store.read();
    expect(live.staleSince).toBeNull();
    await store.settled(); // the disk copy is written in the background

    await proxy.cut();
    const generation = store.generation;
    await store.refresh();
    const stale = await store.read();
    expect(stale.staleSince).toBeInstanceOf(Date);
    expect(stale.snapshot).toBe(live.snapshot);
    expect(store.generation).toBeGreaterThan(generation);

    // A new process (a restart during the outage) starts from the disk copy.
    const restarted = new PublicSnapshotStore({ source: sourceThrough(proxy.url), file, log: () => {} });
    const fromDisk = await restarted.read();
    expect(fromDisk.staleSince).toBeInstanceOf(Date);
    expect(fromDisk.snapshot.incidents.map((incident) => incident.id)).toEqual(live.snapshot.incidents.map((incident) => incident.id));
    expect(fromDisk.snapshot.builtAt).toBeInstanceOf(Date);

    // Nothing saved and no database: a clear error, not a half page.
    const empty = new PublicSnapshotStore({ source: sourceThrough(proxy.url), file: `${file}.missing`, log: () => {} });
    await expect(empty.read()).rejects.toThrow(SnapshotUnavailableError);

    await proxy.restore();
    await store.refresh();
    await restarted.refresh();
    expect((await store.read()).staleSince).toBeNull();
    expect((await restarted.read()).staleSince).toBeNull();
  });
});

describe("the Statuspage-compatible API and the feeds", () => {
  it("matches Statuspage's documented shapes on every endpoint, with no internal note anywhere", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion());
    for (const name of Object.keys(V2_ENDPOINTS)) {
      const answer = answerV2(snapshot, `${name}.json`);
      expect(answer.status).toBe(200);
      const schema = statuspage.endpoints[`${name}.json` as keyof typeof statuspage.endpoints];
      const result = schema.safeParse(answer.body);
      expect([name, result.error?.issues ?? []]).toEqual([name, []]);
      expect(JSON.stringify(answer.body)).not.toContain(INTERNAL);
    }
    const summary = statuspage.endpoints["summary.json"].parse(answerV2(snapshot, "summary.json").body);
    expect(summary.status.indicator).toBe("critical");
    expect(summary.scheduled_maintenances.map((maintenance) => maintenance.name)).toContain("Database upgrade");
    const declared = summary.incidents.find((incident) => incident.id === incidentId)!;
    expect(declared).toMatchObject({
      status: "identified",
      impact: "critical",
      shortlink: expect.stringMatching(new RegExp(`/incidents/${incidentId}$`)),
    });
    expect(declared.incident_updates.map((update) => update.status)).toEqual(["identified", "investigating"]);
    expect(declared.incident_updates[0]!.affected_components).toEqual([
      { code: appId, name: "Web app", old_status: "major_outage", new_status: "partial_outage" },
    ]);
    const group = summary.components.find((component) => component.group);
    expect(group).toMatchObject({ name: "Core platform", group_id: null });

    expect(answerV2(snapshot, `incidents/${incidentId}.json`).status).toBe(200);
    expect(answerV2(snapshot, "incidents/nope.json")).toMatchObject({
      status: 404,
      body: { error: "There is no incident with that id on this page." },
    });
    expect(answerV2(snapshot, "unknown.json").status).toBe(404);
  });

  it("gives valid RSS 2.0 and Atom 1.0 that a feed parser reads, one entry per incident, linking to its page", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion());
    const rss = parseFeed(buildHistoryRss(snapshot));
    const atom = parseFeed(buildHistoryAtom(snapshot));
    expect(rss.meta).toMatchObject({ type: "rss", version: "2.0" });
    expect(atom.meta).toMatchObject({ type: "atom", version: "1.0" });
    for (const parsed of [rss, atom]) {
      expect(parsed.items).toHaveLength(snapshot.incidents.length);
      const item = parsed.items.find((entry) => entry.url?.endsWith(`/incidents/${incidentId}`))!;
      expect(item.title).toBe("Data from 27–28 November lost (Identified)");
      expect(item.content).toContain("Production pointed at a temporary database.");
      expect(item.content).not.toContain("env file");
    }
  });
});

describe("cached pages", () => {
  it("are renewed by every write that moves the public version, even one the snapshot does not show", async () => {
    // History, incident and postmortem pages are read outside the bounded snapshot (an old postmortem
    // unpublished leaves it unchanged), so the version, not the snapshot's content, decides.
    const now = new Date();
    const store = new PublicSnapshotStore({ source: databaseSource, clock: () => now, log: () => {} });
    await store.refresh();
    const generation = store.generation;
    await store.refresh();
    expect(store.generation).toBe(generation);
    await addInternalNote(actor, { incidentId, message: "Only operators read this." });
    await store.refresh();
    expect(store.peek()!.snapshot.version).toBe((await readSnapshotVersion()).version);
    expect(store.generation).toBeGreaterThan(generation);
  });
});
