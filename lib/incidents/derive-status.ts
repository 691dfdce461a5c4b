// An incident's status is derived from its public updates, never set on its
// own: the newest update by the time it describes wins, ties broken by the
// order they were written. A backdated update therefore never overrides a
// later one. Internal notes carry no status. Pure.
import type { IncidentStatus } from "./constants";

export interface TimelineEntry {
  status: IncidentStatus | null;
  isInternal: boolean;
  publishedAt: Date;
  createdAt: Date;
}

export function newestPublicUpdate<T extends TimelineEntry>(updates: readonly T[]): T | null {
  let newest: T | null = null;
  for (const update of updates) {
    if (update.isInternal || update.status === null) continue;
    if (
      !newest ||
      update.publishedAt > newest.publishedAt ||
      (update.publishedAt.getTime() === newest.publishedAt.getTime() && update.createdAt > newest.createdAt)
    ) {
      newest = update;
    }
  }
  return newest;
}

export function deriveIncidentStatus(updates: readonly TimelineEntry[], fallback: IncidentStatus): IncidentStatus {
  return newestPublicUpdate(updates)?.status ?? fallback;
}
