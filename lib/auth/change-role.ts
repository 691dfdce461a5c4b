import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { assertAnotherAdminRemains } from "./admin-guard";
import { toDatabaseRole, toOperatorRole } from "./roles";
import type { ChangeRoleInput } from "./schemas";

/** Changes an operator's role; takes effect on their next request. Refuses to remove the last admin. */
export async function changeOperatorRole(actor: AuditActor, input: ChangeRoleInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const operator = await tx.user.findUnique({ where: { id: input.operatorId }, select: { id: true, email: true, role: true } });
    if (!operator) throw new NotFoundError("That operator no longer exists.");
    const before = toOperatorRole(operator.role);
    if (before === input.role) return;
    if (before === "admin") await assertAnotherAdminRemains(tx, operator.id);
    await tx.user.update({ where: { id: operator.id }, data: { role: toDatabaseRole(input.role) } });
    await recordAudit(tx, actor, {
      action: "operator.role_changed",
      entityType: "operator",
      entityId: operator.id,
      before: { email: operator.email, role: before },
      after: { email: operator.email, role: input.role },
    });
  });
}
