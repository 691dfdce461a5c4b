import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { fromDbComponentStatus } from "./convert";
import { recordComponentStatus } from "./record-status";
import type { SetComponentStatusInput } from "./schemas";

/** An operator sets a component's status by hand, from now. */
export async function setComponentStatus(actor: AuditActor, input: SetComponentStatusInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { status: true } });
    if (!component) throw new NotFoundError("That component no longer exists.");
    await recordComponentStatus(tx, { componentId: input.componentId, status: input.status, at: new Date(), cause: "manual" });
    await recordAudit(tx, actor, {
      action: "component.status_changed",
      entityType: "component",
      entityId: input.componentId,
      before: { status: fromDbComponentStatus(component.status) },
      after: { status: input.status },
    });
  });
}
