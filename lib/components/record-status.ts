import type { TransactionClient } from "../db";
import { toDbComponentStatus } from "./convert";
import type { ComponentStatus } from "./constants";

export interface StatusChange {
  componentId: string;
  status: ComponentStatus;
  /** When the change takes effect; may lie in the past. */
  at: Date;
  cause: "incident" | "maintenance" | "manual";
  incidentId?: string | null;
}

/**
 * Puts a component in `status` from `at` until its next recorded change
 * (or from now on when `at` is after every change). A backdated change splits
 * the interval it falls in; changes recorded after `at` keep their place.
 * Then refreshes the component's cached current status. Needs a transaction.
 */
export async function recordComponentStatus(tx: TransactionClient, change: StatusChange): Promise<void> {
  const status = toDbComponentStatus(change.status);
  const cause = change.cause.toUpperCase() as "INCIDENT" | "MAINTENANCE" | "MANUAL";
  const incidentId = change.incidentId ?? null;
  // Serialise writers per component: two changes at once must not both split one interval.
  await tx.$queryRaw`SELECT id FROM components WHERE id = ${change.componentId} FOR UPDATE`;
  const containing = await tx.componentStatusInterval.findFirst({
    where: { componentId: change.componentId, startedAt: { lte: change.at }, OR: [{ endedAt: null }, { endedAt: { gt: change.at } }] },
    orderBy: { startedAt: "desc" },
  });
  if (!containing) {
    const next = await tx.componentStatusInterval.findFirst({
      where: { componentId: change.componentId, startedAt: { gt: change.at } },
      orderBy: { startedAt: "asc" },
    });
    await tx.componentStatusInterval.create({
      data: { componentId: change.componentId, status, cause, incidentId, startedAt: change.at, endedAt: next?.startedAt ?? null },
    });
  } else if (containing.startedAt.getTime() === change.at.getTime()) {
    await tx.componentStatusInterval.update({ where: { id: containing.id }, data: { status, cause, incidentId } });
  } else if (containing.status !== status) {
    await tx.componentStatusInterval.update({ where: { id: containing.id }, data: { endedAt: change.at } });
    await tx.componentStatusInterval.create({
      data: { componentId: change.componentId, status, cause, incidentId, startedAt: change.at, endedAt: containing.endedAt },
    });
  }
  const open = await tx.componentStatusInterval.findFirst({
    where: { componentId: change.componentId, endedAt: null },
    orderBy: { startedAt: "desc" },
  });
  await tx.component.update({ where: { id: change.componentId }, data: { status: open?.status ?? "OPERATIONAL" } });
}
