// Scheduled maintenance as an iCalendar feed (/maintenance.ics) that calendar
// apps subscribe to: one event per maintenance window, updated in place (the
// UID is the maintenance's id) when it is extended, cancelled when removed.
import ical, { ICalEventStatus } from "ical-generator";
import type { PublicSnapshot } from "../public-snapshot/types";
import type { FeedSource } from "./history-feed";

export function buildMaintenanceCalendar(source: Pick<FeedSource, "incidents" | "settings">): string {
  const base = source.settings.effectivePublicUrl;
  const calendar = ical({
    name: `${source.settings.pageName}: scheduled maintenance`,
    prodId: { company: "Candor", product: "status", language: "EN" },
    url: `${base}/maintenance.ics`,
    ttl: 60 * 60,
  });
  const host = new URL(base).hostname;
  for (const incident of source.incidents) {
    if (incident.kind !== "maintenance" || !incident.scheduledStart || !incident.scheduledEnd) continue;
    const components = incident.components.map((component) => component.name).join(", ");
    const latest = incident.updates[0]?.message ?? "";
    calendar.createEvent({
      id: `${incident.id}@${host}`,
      start: incident.scheduledStart,
      end: incident.scheduledEnd,
      stamp: incident.updatedAt,
      summary: `Maintenance: ${incident.title}`,
      description: [components ? `Affects: ${components}.` : "", latest, `${base}/incidents/${incident.id}`].filter(Boolean).join("\n\n"),
      url: `${base}/incidents/${incident.id}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The incidents of one component, for its own history feed. */
export function componentFeedSource(snapshot: PublicSnapshot, componentId: string): (FeedSource & { componentName: string }) | null {
  const component = snapshot.groups.flatMap((group) => group.components).find((candidate) => candidate.id === componentId);
  if (!component) return null;
  return {
    ...snapshot,
    componentName: component.name,
    incidents: snapshot.incidents.filter((incident) => incident.components.some((affected) => affected.id === componentId)),
  };
}
