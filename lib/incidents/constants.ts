// Value lists shared by server and client code; no Prisma import.

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number] | (typeof MAINTENANCE_STATUSES)[number];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export const IMPACT_LABELS = { none: "None", minor: "Minor", major: "Major", critical: "Critical" } as const;

/** Statuses after which an incident or maintenance is over. */
export const CLOSED_STATUSES: readonly IncidentStatus[] = ["resolved", "completed"];

export const TITLE_MAX = 200;
export const MESSAGE_MAX = 10_000;

/** What the maintenance clock posts when nobody is present (advance-maintenance.ts). */
export const MAINTENANCE_STARTED_MESSAGE = "Scheduled maintenance is in progress. We will post an update when it is complete.";
export const MAINTENANCE_COMPLETED_MESSAGE = "The scheduled maintenance has been completed.";
const AUTOMATIC_MESSAGES: readonly string[] = [MAINTENANCE_STARTED_MESSAGE, MAINTENANCE_COMPLETED_MESSAGE];

/**
 * What a card shows of an incident: the newest message a person wrote, and
 * Candor's automatic line (the maintenance clock's) as its status when that
 * is newest. A maintenance card must keep the operator's own description.
 * `updates` are newest first.
 */
export function cardText(updates: readonly { message: string }[]): { message: string | null; automaticStatus: string | null } {
  const newest = updates[0];
  if (!newest) return { message: null, automaticStatus: null };
  const written = updates.find((update) => !AUTOMATIC_MESSAGES.includes(update.message));
  return {
    message: (written ?? newest).message,
    automaticStatus: written && written !== newest ? newest.message : null,
  };
}

/** Customers are promised an update within this long; the Overview flags an open incident past it. */
export const UPDATE_PROMISE_MS = 30 * 60_000;

export function isUpdateOverdue(lastPublicUpdateAt: Date, now: Date): boolean {
  return now.getTime() - lastPublicUpdateAt.getTime() >= UPDATE_PROMISE_MS;
}
