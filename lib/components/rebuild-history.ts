import type { TransactionClient } from "../db";
import { fromDbComponentStatus, toDbComponentStatus } from "./convert";
import type { ComponentStatus } from "./constants";
import { deriveHistory, type DerivedInterval, type HistoryEvent } from "./derive-history";

/** One entry of an incident update's `componentChanges`. */
// A type, not an interface: Prisma accepts it as JSON.
export type RecordedComponentChange = {
  componentId: string;
  status: ComponentStatus;
  /**
   * Filled in by Candor when an incident closed (the status the component
   * returned to then), not chosen by the operator: shown on the timeline,
   * never a fact the history is derived from.
   */
  isDefault?: boolean;
};

const CLOSING = new Set(["RESOLVED", "COMPLETED"]);

/**
 * Derives a component's whole status history again from its recorded facts
 * (its own status changes, kept as its "manual" intervals, and every public
 * update of the incidents and maintenances linked to it), replaces its
 * intervals and refreshes its cached current status. `own` adds a change of
 * its own status. Serialises writers per component. Needs a transaction;
 * returns the new intervals.
 */
export async function rebuildComponentHistory(
  tx: TransactionClient,
  componentId: string,
  own?: { at: Date; status: ComponentStatus },
): Promise<DerivedInterval[]> {
  await tx.$queryRaw`SELECT id FROM components WHERE id = ${componentId} FOR UPDATE`;
  const [ownRows, updates] = await Promise.all([
    tx.componentStatusInterval.findMany({
      where: { componentId, cause: "MANUAL" },
      select: { status: true, startedAt: true },
      orderBy: { startedAt: "asc" },
    }),
    tx.incidentUpdate.findMany({
      where: { isInternal: false, status: { not: null }, incident: { components: { some: { componentId } } } },
      select: { incidentId: true, status: true, publishedAt: true, componentChanges: true, incident: { select: { kind: true } } },
      orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const events: HistoryEvent[] = ownRows.map((row) => ({ kind: "own", at: row.startedAt, status: fromDbComponentStatus(row.status) }));
  if (own) events.push({ kind: "own", at: own.at, status: own.status });
  for (const update of updates) {
    const change = ((update.componentChanges ?? []) as unknown as RecordedComponentChange[]).find(
      (item) => item.componentId === componentId,
    );
    const cause = update.incident.kind === "MAINTENANCE" ? "maintenance" : "incident";
    if (CLOSING.has(update.status!)) {
      events.push({ kind: "release", at: update.publishedAt, incidentId: update.incidentId });
      // An operator's explicit choice on closing outlives the incident: it becomes the component's own status.
      if (change && !change.isDefault) events.push({ kind: "own", at: update.publishedAt, status: change.status });
    } else if (change) {
      events.push({ kind: "hold", at: update.publishedAt, incidentId: update.incidentId, cause, status: change.status });
    }
  }
  const intervals = deriveHistory(events);
  await tx.componentStatusInterval.deleteMany({ where: { componentId } });
  await tx.componentStatusInterval.createMany({
    data: intervals.map((interval) => ({
      componentId,
      status: toDbComponentStatus(interval.status),
      cause: interval.cause.toUpperCase() as "INCIDENT" | "MAINTENANCE" | "MANUAL",
      incidentId: interval.incidentId,
      startedAt: interval.startedAt,
      endedAt: interval.endedAt,
    })),
  });
  const current = intervals.at(-1)?.status ?? "operational";
  await tx.component.update({ where: { id: componentId }, data: { status: toDbComponentStatus(current) } });
  return intervals;
}
