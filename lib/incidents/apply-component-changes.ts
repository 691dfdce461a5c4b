import type { TransactionClient } from "../db";
import { ValidationError } from "../errors";
import { toDbComponentStatus } from "../components/convert";
import { recordComponentStatus } from "../components/record-status";
import type { ComponentChange } from "./schemas";

/**
 * Puts the incident's components in the given statuses from `at` and links
 * them to the incident. Unknown component ids fail the whole write. Needs a transaction.
 */
export async function applyComponentChanges(
  tx: TransactionClient,
  options: { incidentId: string; changes: readonly ComponentChange[]; at: Date; cause: "incident" | "maintenance" },
): Promise<void> {
  const { incidentId, changes, at, cause } = options;
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((change) => change.componentId))];
  const found = await tx.component.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) {
    throw new ValidationError("Some components no longer exist.", {
      components: ["A chosen component no longer exists. Reload the page and choose again."],
    });
  }
  for (const change of changes) {
    await recordComponentStatus(tx, { componentId: change.componentId, status: change.status, at, cause, incidentId });
    await tx.incidentComponent.upsert({
      where: { incidentId_componentId: { incidentId, componentId: change.componentId } },
      create: { incidentId, componentId: change.componentId, status: toDbComponentStatus(change.status) },
      update: { status: toDbComponentStatus(change.status) },
    });
  }
}
