// The per-component history feed and the maintenance calendar, built from the
// public snapshot and read back with real parsers (feed-parser, node-ical).
import { parseFeed } from "@rowanmanning/feed-parser";
import ical, { type VEvent } from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { createComponent } from "@/lib/components/save-component";
import { buildHistoryRss } from "@/lib/feeds/history-feed";
import { buildMaintenanceCalendar, componentFeedSource } from "@/lib/feeds/maintenance-calendar";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { scheduleMaintenance } from "@/lib/incidents/schedule-maintenance";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { createAdmin } from "../support/factories";

let api: string;
let web: string;
let maintenanceId: string;
const start = new Date(Date.now() + 24 * 3_600_000);
const end = new Date(start.getTime() + 2 * 3_600_000);

beforeAll(async () => {
  const admin = await createAdmin();
  api = (await createComponent(admin, { name: "API", isVisible: true })).id;
  web = (await createComponent(admin, { name: "Website", isVisible: true })).id;
  const incident = {
    impact: "minor" as const,
    status: "investigating" as const,
    message: "Looking.",
    startedAt: new Date(Date.now() - 60_000),
  };
  await declareIncident(admin, { ...incident, title: "API slow", components: [{ componentId: api, status: "degraded_performance" }] });
  await declareIncident(admin, { ...incident, title: "Website down", components: [{ componentId: web, status: "major_outage" }] });
  maintenanceId = (
    await scheduleMaintenance(admin, {
      title: "Database upgrade",
      message: "Read-only for two hours.",
      scheduledStart: start,
      scheduledEnd: end,
      componentIds: [api],
    })
  ).id;
});

describe("subscriber feeds", () => {
  it("gives each component an RSS feed of its own incidents only", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion());
    const source = componentFeedSource(snapshot, api)!;
    const feed = parseFeed(buildHistoryRss(source, { name: source.componentName, path: `/components/${api}/history.rss` }));
    expect(feed.title).toContain("API");
    expect(feed.items.map((item) => item.title)).toEqual(
      expect.arrayContaining([expect.stringContaining("API slow"), expect.stringContaining("Database upgrade")]),
    );
    expect(feed.items.some((item) => item.title?.includes("Website down"))).toBe(false);
    expect(componentFeedSource(snapshot, "no-such-component")).toBeNull();
  });

  it("publishes scheduled maintenance as an iCalendar feed that a parser imports", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion());
    const calendar = ical.sync.parseICS(buildMaintenanceCalendar(snapshot));
    const events = Object.values(calendar).filter((entry): entry is VEvent => entry?.type === "VEVENT");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.summary).toBe("Maintenance: Database upgrade");
    expect(event!.start.getTime()).toBe(Math.floor(start.getTime() / 1000) * 1000);
    expect(event!.end!.getTime()).toBe(Math.floor(end.getTime() / 1000) * 1000);
    expect(event!.uid).toContain(maintenanceId);
    expect(String(event!.description)).toContain("Affects: API.");
  });
});
