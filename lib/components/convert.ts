// Prisma stores enum names (MAJOR_OUTAGE); the app and the public API speak lowercase.
import type { ComponentStatus, IncidentImpact } from "./constants";

type DbComponentStatus = "OPERATIONAL" | "DEGRADED_PERFORMANCE" | "PARTIAL_OUTAGE" | "MAJOR_OUTAGE" | "UNDER_MAINTENANCE";

export function toDbComponentStatus(status: ComponentStatus): DbComponentStatus {
  return status.toUpperCase() as DbComponentStatus;
}

export function fromDbComponentStatus(status: string): ComponentStatus {
  return status.toLowerCase() as ComponentStatus;
}

export function toDbImpact(impact: IncidentImpact): "NONE" | "MINOR" | "MAJOR" | "CRITICAL" {
  return impact.toUpperCase() as "NONE" | "MINOR" | "MAJOR" | "CRITICAL";
}

export function fromDbImpact(impact: string): IncidentImpact {
  return impact.toLowerCase() as IncidentImpact;
}
