// The lists a public page shows, taken from a snapshot's incidents. Pure.
import type { IncidentView } from "../incidents/queries";
import type { PublicPostmortem } from "../postmortems/queries";
import { RECENT_DAYS, type PublicSnapshot } from "./types";

export const HISTORY_PAGE_SIZE = 20;
const UPCOMING_LIMIT = 20;

const isClosed = (incident: IncidentView) => incident.status === "resolved" || incident.status === "completed";

/** Incidents (not maintenance) still open, newest first. */
export function openIncidents(incidents: IncidentView[]): IncidentView[] {
  return incidents.filter((incident) => incident.kind === "incident" && !isClosed(incident));
}

export function activeMaintenance(incidents: IncidentView[]): IncidentView[] {
  return byWindowStart(
    incidents.filter(
      (incident) => incident.kind === "maintenance" && (incident.status === "in_progress" || incident.status === "verifying"),
    ),
  );
}

export function upcomingMaintenance(incidents: IncidentView[]): IncidentView[] {
  return byWindowStart(incidents.filter((incident) => incident.kind === "maintenance" && incident.status === "scheduled")).slice(
    0,
    UPCOMING_LIMIT,
  );
}

/** Closed incidents that started in the last RECENT_DAYS days, newest first. */
export function recentClosedIncidents(incidents: IncidentView[], now: Date): IncidentView[] {
  const since = now.getTime() - RECENT_DAYS * 86_400_000;
  return incidents.filter((incident) => incident.kind === "incident" && isClosed(incident) && incident.startedAt.getTime() >= since);
}

/** How many history pages there are (1 when there is no history: the page says so). */
export function historyPageCount(closedCount: number): number {
  return Math.max(1, Math.ceil(closedCount / HISTORY_PAGE_SIZE));
}

export function findIncident(incidents: IncidentView[], id: string): IncidentView | null {
  return incidents.find((incident) => incident.id === id) ?? null;
}

function byWindowStart(incidents: IncidentView[]): IncidentView[] {
  return [...incidents].sort((a, b) => (a.scheduledStart?.getTime() ?? 0) - (b.scheduledStart?.getTime() ?? 0));
}

/** The published postmortem of an incident, or null. */
export function findPostmortem(snapshot: PublicSnapshot, incidentId: string): PublicPostmortem | null {
  return snapshot.postmortems?.find((postmortem) => postmortem.incidentId === incidentId) ?? null;
}
