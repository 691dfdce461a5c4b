import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { EditUpdateInput } from "./schemas";

/** Corrects an update's text; the page marks it edited and the audit log keeps the old text. */
export async function editIncidentUpdate(actor: AuditActor, input: EditUpdateInput): Promise<{ incidentId: string }> {
  return prisma.$transaction(async (tx) => {
    const update = await tx.incidentUpdate.findUnique({ where: { id: input.updateId } });
    if (!update) throw new NotFoundError("That update no longer exists.");
    if (update.message === input.message) return { incidentId: update.incidentId };
    await tx.incidentUpdate.update({ where: { id: update.id }, data: { message: input.message, editedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "incident.update_edited",
      entityType: "incident",
      entityId: update.incidentId,
      before: { updateId: update.id, message: update.message },
      after: { updateId: update.id, message: input.message },
    });
    return { incidentId: update.incidentId };
  });
}
