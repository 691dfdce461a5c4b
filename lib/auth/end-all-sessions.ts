import { prisma } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Signs the operator out on every device and browser. */
export async function endAllSessions(actor: AuditActor): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, actor, {
      action: "operator.signed_out_everywhere",
      entityType: "operator",
      entityId: actor.id,
      after: { sessionsEnded: count },
    });
    return count;
  });
}
