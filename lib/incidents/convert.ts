import type { IncidentStatus } from "./constants";

type DbIncidentStatus =
  "INVESTIGATING" | "IDENTIFIED" | "MONITORING" | "RESOLVED" | "SCHEDULED" | "IN_PROGRESS" | "VERIFYING" | "COMPLETED";

export function toDbIncidentStatus(status: IncidentStatus): DbIncidentStatus {
  return status.toUpperCase() as DbIncidentStatus;
}

export function fromDbIncidentStatus(status: string): IncidentStatus {
  return status.toLowerCase() as IncidentStatus;
}
