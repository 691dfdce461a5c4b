// The events subscribers are told about, and which one an incident update is.
// Pure: no database.
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "../incidents/constants";

export const SUBSCRIBER_EVENTS = [
  "incident.created",
  "incident.updated",
  "incident.resolved",
  "maintenance.scheduled",
  "maintenance.started",
  "maintenance.updated",
  "maintenance.completed",
  "postmortem.published",
] as const;
export type SubscriberEvent = (typeof SUBSCRIBER_EVENTS)[number];

/** The event an update is: the first update creates, a closing one resolves or completes. */
export function eventForUpdate(kind: "INCIDENT" | "MAINTENANCE", status: IncidentStatus, isFirst: boolean): SubscriberEvent {
  if (kind === "MAINTENANCE") {
    if (status === "scheduled") return "maintenance.scheduled";
    if (status === "in_progress") return "maintenance.started";
    if (status === "completed") return "maintenance.completed";
    return "maintenance.updated";
  }
  if (status === "resolved") return "incident.resolved";
  return isFirst ? "incident.created" : "incident.updated";
}

/** "Resolved: Sign-in failing for some users". */
export function noticeSubject(event: SubscriberEvent, title: string, status: IncidentStatus | null): string {
  if (event === "postmortem.published") return `Postmortem: ${title}`;
  if (event === "maintenance.scheduled") return `Scheduled maintenance: ${title}`;
  return `${status ? INCIDENT_STATUS_LABELS[status] : "Update"}: ${title}`;
}
