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
