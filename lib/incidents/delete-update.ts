import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { RecordedComponentChange } from "../components/rebuild-history";
import { rebuildAndRelabel } from "./apply-component-changes";
import { refreshIncident } from "./refresh-incident";

/**
 * Deletes an update or note (admins only, checked by the caller). The
 * incident's status and its components' history are derived again; its
 * first public update cannot go.
 */
export async function deleteIncidentUpdate(actor: AuditActor, updateId: string): Promise<{ incidentId: string }> {
  return prisma.$transaction(async (tx) => {
    const update = await tx.incidentUpdate.findUnique({ where: { id: updateId } });
    if (!update) throw new NotFoundError("That update no longer exists.");
    if (!update.isInternal) {
      const publicCount = await tx.incidentUpdate.count({ where: { incidentId: update.incidentId, isInternal: false } });
      if (publicCount <= 1) throw new ConflictError("This is the incident's only public update. Edit it instead of deleting it.");
    }
    await tx.incidentUpdate.delete({ where: { id: updateId } });
    // The components' history is derived from the updates: without this one it changes.
    const changes = (update.componentChanges ?? []) as unknown as RecordedComponentChange[];
    for (const componentId of new Set(changes.map((change) => change.componentId))) await rebuildAndRelabel(tx, componentId);
    await refreshIncident(tx, update.incidentId);
    await recordAudit(tx, actor, {
      action: "incident.update_deleted",
      entityType: "incident",
      entityId: update.incidentId,
      before: { updateId, status: update.status, message: update.message, isInternal: update.isInternal, publishedAt: update.publishedAt },
    });
    return { incidentId: update.incidentId };
  });
}
