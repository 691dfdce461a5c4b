import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Deletes a component with its status history. Incidents that affected it keep their timeline. */
export async function deleteComponent(actor: AuditActor, componentId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: componentId } });
    if (!component) throw new NotFoundError("That component no longer exists.");
    await tx.component.delete({ where: { id: componentId } });
    await recordAudit(tx, actor, {
      action: "component.deleted",
      entityType: "component",
      entityId: componentId,
      before: { name: component.name, groupId: component.groupId },
    });
  });
}
