import type { TransactionClient } from "../db";
import { ValidationError } from "../errors";
import { toDbComponentStatus } from "../components/convert";
import { statusAt } from "../components/derive-history";
import { rebuildComponentHistory, type RecordedComponentChange } from "../components/rebuild-history";

/**
 * Links the incident to the components its update changed, then derives
 * each one's history again from the recorded updates (the update carrying
 * `changes` must already be written). Unknown component ids fail the whole
 * write. Needs a transaction.
 */
export async function applyComponentChanges(
  tx: TransactionClient,
  options: { incidentId: string; changes: readonly RecordedComponentChange[] },
): Promise<void> {
  const { incidentId, changes } = options;
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((change) => change.componentId))];
  const found = await tx.component.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) {
    throw new ValidationError("Some components no longer exist.", {
      components: ["A chosen component no longer exists. Reload the page and choose again."],
    });
  }
  for (const change of changes) {
    const status = toDbComponentStatus(change.status);
    await tx.incidentComponent.upsert({
      where: { incidentId_componentId: { incidentId, componentId: change.componentId } },
      create: { incidentId, componentId: change.componentId, status },
      update: change.isDefault ? {} : { status },
    });
  }
  for (const componentId of ids) await rebuildAndRelabel(tx, componentId);
}

/**
 * Derives the component's history again, then names in every closing
 * update the status the component returned to at that time: a backdated
 * write can change what held then.
 */
export async function rebuildAndRelabel(tx: TransactionClient, componentId: string): Promise<void> {
  const intervals = await rebuildComponentHistory(tx, componentId);
  const closings = await tx.incidentUpdate.findMany({
    where: { status: { in: ["RESOLVED", "COMPLETED"] }, incident: { components: { some: { componentId } } } },
    select: { id: true, publishedAt: true, componentChanges: true },
  });
  for (const closing of closings) {
    const entries = (closing.componentChanges ?? []) as unknown as RecordedComponentChange[];
    let isChanged = false;
    const relabelled = entries.map((entry) => {
      if (entry.componentId !== componentId || !entry.isDefault) return entry;
      const status = statusAt(intervals, closing.publishedAt) ?? "operational";
      if (status === entry.status) return entry;
      isChanged = true;
      return { ...entry, status };
    });
    if (isChanged) await tx.incidentUpdate.update({ where: { id: closing.id }, data: { componentChanges: relabelled as object[] } });
  }
}
