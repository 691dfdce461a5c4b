// Everything the public status page shows, read in one place.
import { prisma } from "../db";
import { fromDbComponentStatus } from "../components/convert";
import { listPublicComponentGroups, type PublicComponent } from "../components/queries";
import { rollUpStatus, type Indicator } from "../components/rollup";
import {
  listActiveMaintenance,
  listComponentIncidentWindows,
  listOpenIncidents,
  listRecentClosedIncidents,
  listUpcomingMaintenance,
  type IncidentView,
} from "../incidents/queries";
import { getPageSettings, type PageSettings } from "../settings/queries";
import { dailyUptime, overallUptime, type DayLevel, type StatusInterval } from "../uptime/uptime";

export const UPTIME_DAYS = 90;
export const RECENT_DAYS = 14;

export interface UptimeDay {
  date: string;
  uptimePercent: number | null;
  level: DayLevel;
  incidents: { id: string; title: string }[];
}

export interface ComponentWithUptime extends PublicComponent {
  days: UptimeDay[];
  uptimePercent: number | null;
}

export interface StatusPageView {
  settings: PageSettings;
  indicator: Indicator;
  groups: { id: string | null; name: string | null; components: ComponentWithUptime[] }[];
  openIncidents: IncidentView[];
  activeMaintenance: IncidentView[];
  upcomingMaintenance: IncidentView[];
  recentIncidents: IncidentView[];
  generatedAt: Date;
}

export async function getStatusPageView(now = new Date()): Promise<StatusPageView> {
  const since = new Date(now.getTime() - (UPTIME_DAYS + 1) * 86_400_000);
  const [settings, groups, openIncidents, activeMaintenance, upcomingMaintenance, recentIncidents, windows] = await Promise.all([
    getPageSettings(),
    listPublicComponentGroups(),
    listOpenIncidents(),
    listActiveMaintenance(),
    listUpcomingMaintenance(),
    listRecentClosedIncidents(RECENT_DAYS, now),
    listComponentIncidentWindows(since),
  ]);
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
        incidents: mine
          .filter((window) => window.startedAt < day.end && (window.endedAt ?? now) > day.start)
          .map((window) => ({ id: window.incidentId, title: window.title })),
      })),
    };
  };
  const indicator = rollUpStatus(
    groups.flatMap((group) => group.components.map((component) => component.status)),
    openIncidents.map((incident) => incident.impact),
  );
  return {
    settings,
    indicator,
    groups: groups.map((group) => ({ ...group, components: group.components.map(withUptime) })),
    openIncidents,
    activeMaintenance,
    upcomingMaintenance,
    recentIncidents,
    generatedAt: now,
  };
}
