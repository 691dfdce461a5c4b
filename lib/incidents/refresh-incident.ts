import type { TransactionClient } from "../db";
import { CLOSED_STATUSES } from "./constants";
import { fromDbIncidentStatus, toDbIncidentStatus } from "./convert";
import { newestPublicUpdate } from "./derive-status";

/**
 * Re-derives the incident's cached status and resolution time from its
 * updates. The only writer of Incident.status after creation. Needs a transaction.
 */
export async function refreshIncident(tx: TransactionClient, incidentId: string): Promise<void> {
  const updates = await tx.incidentUpdate.findMany({
    where: { incidentId },
    select: { status: true, isInternal: true, publishedAt: true, createdAt: true },
  });
  const newest = newestPublicUpdate(
    updates.map((update) => ({ ...update, status: update.status ? fromDbIncidentStatus(update.status) : null })),
  );
  if (!newest?.status) return;
  const isClosed = CLOSED_STATUSES.includes(newest.status);
  await tx.incident.update({
    where: { id: incidentId },
    data: { status: toDbIncidentStatus(newest.status), resolvedAt: isClosed ? newest.publishedAt : null },
  });
}
