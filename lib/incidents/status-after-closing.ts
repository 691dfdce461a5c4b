import type { TransactionClient } from "../db";
import { fromDbComponentStatus } from "../components/convert";
import type { ComponentStatus } from "../components/constants";

/** Worst first: what a component shows while several open incidents or maintenances affect it. */
const SEVERITY: readonly ComponentStatus[] = ["major_outage", "partial_outage", "degraded_performance", "under_maintenance", "operational"];

/**
 * The status each component returns to when `incidentId` closes: the worst
 * status another still-open incident or maintenance holds it in, otherwise
 * operational. Closing one of two overlapping incidents must not declare the
 * component healthy. Needs a transaction.
 */
export async function statusesAfterClosing(
  tx: TransactionClient,
  incidentId: string,
  componentIds: readonly string[],
): Promise<Map<string, ComponentStatus>> {
  const others = await tx.incidentComponent.findMany({
    where: {
      componentId: { in: [...componentIds] },
      incidentId: { not: incidentId },
      incident: { status: { notIn: ["RESOLVED", "COMPLETED", "SCHEDULED"] } },
    },
    select: { componentId: true, status: true },
  });
  const result = new Map<string, ComponentStatus>(componentIds.map((id) => [id, "operational"]));
  for (const link of others) {
    const status = fromDbComponentStatus(link.status);
    if (SEVERITY.indexOf(status) < SEVERITY.indexOf(result.get(link.componentId)!)) result.set(link.componentId, status);
  }
  return result;
}
