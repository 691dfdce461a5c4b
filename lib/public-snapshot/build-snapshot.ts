// Reads everything the public sees from the database, once per change.
import { prisma } from "../db";
import { toPublicBanner } from "../banner/public-banner";
import { findCurrentBanner } from "../banner/queries";
import { isBannerVisible, nextScheduleChange } from "../banner/visibility";
import { fromDbComponentStatus } from "../components/convert";
import { listPublicComponentGroups, type PublicComponent } from "../components/queries";
import { rollUpStatus } from "../components/rollup";
import {
  countClosedPublicIncidents,
  listIncidentWindows,
  listSnapshotIncidents,
  type IncidentView,
  type IncidentWindow,
} from "../incidents/queries";
import { listPublishedPostmortems } from "../postmortems/queries";
import { getPageSettings } from "../settings/queries";
import { overallUptime, uptimeOverDays, type StatusInterval } from "../uptime/uptime";
import { compactUptime } from "../uptime/compact";
import { lastDays } from "../uptime/zoned-days";
import { digestSnapshot } from "./digest";
import { openIncidents, recentClosedIncidents } from "./select";
import { RECENT_DAYS, SNAPSHOT_RECENT_LIMIT, UPTIME_DAYS, type ComponentWithUptime, type PublicSnapshot } from "./types";

/** Time-based content (today's uptime, "ongoing") is at most this old. */
const MAX_AGE_MS = 60_000;

export interface SnapshotVersion {
  version: string;
  changedAt: Date;
}

export async function readSnapshotVersion(): Promise<SnapshotVersion> {
  const row = await prisma.publicSnapshotVersion.findUnique({ where: { id: 1 } });
  // The migration inserts the row; its absence means a database from before it.
  return row ? { version: row.version.toString(), changedAt: row.changedAt } : { version: "0", changedAt: new Date(0) };
}

/**
 * As the public may know it: no author names, and "updated" when something
 * public changed (an internal note touches the row, not what readers see).
 */
export function publicView(incident: IncidentView): IncidentView {
  const latest = Math.max(incident.createdAt.getTime(), ...incident.updates.map((update) => update.updatedAt.getTime()));
  return { ...incident, updatedAt: new Date(latest), updates: incident.updates.map((update) => ({ ...update, authorName: null })) };
}

/**
 * The snapshot holds what the front page shows: components, open incidents
 * and maintenance, recent incidents, 90 days of intervals. Older history is
 * read per page (./pages.ts), so a build costs the same after ten years as
 * after one day.
 */
export async function buildPublicSnapshot({ version, changedAt }: SnapshotVersion, now = new Date()): Promise<PublicSnapshot> {
  const since = new Date(now.getTime() - (UPTIME_DAYS + 1) * 86_400_000);
  const [settings, groups, incidents, windows, historyCount, banner, anyOperator] = await Promise.all([
    getPageSettings(),
    listPublicComponentGroups(),
    listSnapshotIncidents(new Date(now.getTime() - RECENT_DAYS * 86_400_000), SNAPSHOT_RECENT_LIMIT),
    listIncidentWindows(since),
    countClosedPublicIncidents(),
    findCurrentBanner(),
    prisma.user.findFirst({ select: { id: true } }),
  ]);
  const componentIds = groups.flatMap((group) => group.components.map((component) => component.id));
  const [intervals, postmortems] = await Promise.all([
    prisma.componentStatusInterval.findMany({
      where: { componentId: { in: componentIds }, OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
      select: { componentId: true, status: true, startedAt: true, endedAt: true },
    }),
    listPublishedPostmortems(incidents.map((incident) => incident.id)),
  ]);
  const byComponent = new Map<string, StatusInterval[]>();
  for (const row of intervals) {
    const list = byComponent.get(row.componentId) ?? [];
    list.push({ status: fromDbComponentStatus(row.status), startedAt: row.startedAt, endedAt: row.endedAt });
    byComponent.set(row.componentId, list);
  }
  // Which incidents touched each component in the uptime window, for the bars' day details.
  const windowsOf = new Map<string, IncidentWindow[]>();
  for (const window of windows) {
    for (const componentId of window.componentIds) {
      const list = windowsOf.get(componentId) ?? [];
      list.push(window);
      windowsOf.set(componentId, list);
    }
  }
  // The 90 calendar days in the page's time zone, worked out once for every component.
  const days = lastDays(now, UPTIME_DAYS, settings.timeZone);
  const withUptime = (component: PublicComponent): ComponentWithUptime => {
    const uptime = uptimeOverDays(byComponent.get(component.id) ?? [], days, now);
    const mine = windowsOf.get(component.id) ?? [];
    return {
      ...component,
      uptime: compactUptime(uptime, overallUptime(uptime), (day) =>
        mine.filter((window) => window.startedAt < day.end && (window.resolvedAt ?? now) > day.start).map((window) => window.title),
      ),
    };
  };
  const publicIncidents = incidents.map(publicView);
  const indicator = rollUpStatus(
    groups.flatMap((group) => group.components.map((component) => component.status)),
    openIncidents(publicIncidents).map((incident) => incident.impact),
  );
  const bannerChange = nextScheduleChange(banner, now);
  const validUntil = Math.min(now.getTime() + MAX_AGE_MS, bannerChange?.getTime() ?? Infinity);
  const snapshot: PublicSnapshot = {
    version,
    isSetUp: anyOperator !== null,
    changedAt,
    builtAt: now,
    validUntil: new Date(validUntil),
    settings,
    indicator,
    groups: groups.map((group) => ({ ...group, components: group.components.map(withUptime) })),
    incidents: publicIncidents,
    historyCount,
    recentIncidentIds: recentClosedIncidents(publicIncidents, now).map((incident) => incident.id),
    banner: isBannerVisible(banner, now) ? toPublicBanner(banner, settings.effectivePublicUrl) : null,
    postmortems,
  };
  snapshot.digest = digestSnapshot(snapshot);
  return snapshot;
}
