// Reads everything the public sees from the database, once per change.
import { prisma } from "../db";
import { toPublicBanner } from "../banner/public-banner";
import { findCurrentBanner } from "../banner/queries";
import { isBannerVisible, nextScheduleChange } from "../banner/visibility";
import { fromDbComponentStatus } from "../components/convert";
import { listPublicComponentGroups, type PublicComponent } from "../components/queries";
import { rollUpStatus } from "../components/rollup";
import { listPublicIncidents, type IncidentView } from "../incidents/queries";
import { listPublishedPostmortems } from "../postmortems/queries";
import { getPageSettings } from "../settings/queries";
import { dailyUptime, overallUptime, type StatusInterval } from "../uptime/uptime";
import { openIncidents, recentClosedIncidents } from "./select";
import { UPTIME_DAYS, type ComponentWithUptime, type PublicSnapshot } from "./types";

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
function publicView(incident: IncidentView): IncidentView {
  const latest = Math.max(incident.createdAt.getTime(), ...incident.updates.map((update) => update.updatedAt.getTime()));
  return { ...incident, updatedAt: new Date(latest), updates: incident.updates.map((update) => ({ ...update, authorName: null })) };
}

export async function buildPublicSnapshot({ version, changedAt }: SnapshotVersion, now = new Date()): Promise<PublicSnapshot> {
  const since = new Date(now.getTime() - (UPTIME_DAYS + 1) * 86_400_000);
  const [settings, groups, incidents, banner, postmortems, anyOperator] = await Promise.all([
    getPageSettings(),
    listPublicComponentGroups(),
    listPublicIncidents(),
    findCurrentBanner(),
    listPublishedPostmortems(),
    prisma.user.findFirst({ select: { id: true } }),
  ]);
  // Which incidents touched each component in the uptime window, for the bars' day details.
  const windows = incidents
    .filter((incident) => incident.kind === "incident" && (!incident.resolvedAt || incident.resolvedAt >= since))
    .flatMap((incident) =>
      incident.components.map((component) => ({
        componentId: component.id,
        incidentId: incident.id,
        title: incident.title,
        startedAt: incident.startedAt,
        endedAt: incident.resolvedAt,
      })),
    );
  const componentIds = groups.flatMap((group) => group.components.map((component) => component.id));
  const intervals = await prisma.componentStatusInterval.findMany({
    where: { componentId: { in: componentIds }, OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
    select: { componentId: true, status: true, startedAt: true, endedAt: true },
  });
  const byComponent = new Map<string, StatusInterval[]>();
  for (const row of intervals) {
    const list = byComponent.get(row.componentId) ?? [];
    list.push({ status: fromDbComponentStatus(row.status), startedAt: row.startedAt, endedAt: row.endedAt });
    byComponent.set(row.componentId, list);
  }
  const withUptime = (component: PublicComponent): ComponentWithUptime => {
    const days = dailyUptime(byComponent.get(component.id) ?? [], { now, days: UPTIME_DAYS, timeZone: settings.timeZone });
    const mine = windows.filter((window) => window.componentId === component.id);
    return {
      ...component,
      uptimePercent: overallUptime(days),
      days: days.map((day) => ({
        date: day.date,
        uptimePercent: day.uptimePercent,
        level: day.level,
        worstStatus: day.worstStatus,
        incidents: mine
          .filter((window) => window.startedAt < day.end && (window.endedAt ?? now) > day.start)
          .map((window) => ({ id: window.incidentId, title: window.title })),
      })),
    };
  };
  const publicIncidents = incidents.map(publicView);
  const indicator = rollUpStatus(
    groups.flatMap((group) => group.components.map((component) => component.status)),
    openIncidents(publicIncidents).map((incident) => incident.impact),
  );
  const bannerChange = nextScheduleChange(banner, now);
  const validUntil = Math.min(now.getTime() + MAX_AGE_MS, bannerChange?.getTime() ?? Infinity);
  return {
    version,
    isSetUp: anyOperator !== null,
    changedAt,
    builtAt: now,
    validUntil: new Date(validUntil),
    settings,
    indicator,
    groups: groups.map((group) => ({ ...group, components: group.components.map(withUptime) })),
    incidents: publicIncidents,
    recentIncidentIds: recentClosedIncidents(publicIncidents, now).map((incident) => incident.id),
    banner: isBannerVisible(banner, now) ? toPublicBanner(banner, settings.effectivePublicUrl) : null,
    postmortems,
  };
}
