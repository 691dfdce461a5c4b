import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { assertAnotherAdminRemains } from "./admin-guard";
import { revokeOpenInvitations } from "./revoke-open-invitations";
import { toOperatorRole } from "./roles";

/** Removes an operator and ends all their sessions. Their audit entries keep their email. */
export async function removeOperator(actor: AuditActor, operatorId: string): Promise<void> {
  if (operatorId === actor.id) throw new ConflictError("You cannot remove yourself. Ask another admin.");
  await prisma.$transaction(async (tx) => {
    const operator = await tx.user.findUnique({ where: { id: operatorId }, select: { id: true, email: true, name: true, role: true } });
    if (!operator) throw new NotFoundError("That operator no longer exists.");
    if (operator.role === "ADMIN") await assertAnotherAdminRemains(tx, operator.id);
    await tx.user.delete({ where: { id: operator.id } });
    // An invitation still open for the address would let them straight back in.
    await revokeOpenInvitations(tx, operator.email);
    await recordAudit(tx, actor, {
      action: "operator.removed",
      entityType: "operator",
      entityId: operator.id,
      before: { email: operator.email, name: operator.name, role: toOperatorRole(operator.role) },
    });
  });
}
