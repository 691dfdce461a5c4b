import { prisma } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/**
 * Marks accepted credits as credited in billing: one customer's, or every
 * accepted one not yet marked. Idempotent: a credit already marked keeps its
 * first date and reference. Audited in the same transaction.
 */
export async function markCredited(
  actor: AuditActor,
  input: { offerId: string; customerId?: string; reference?: string },
  now = new Date(),
): Promise<{ marked: number }> {
  return prisma.$transaction(async (tx) => {
    const offer = await tx.offer.findUnique({ where: { id: input.offerId }, select: { id: true } });
    if (!offer) throw new NotFoundError("That offer no longer exists.");
    const { count } = await tx.offerResponse.updateMany({
      where: {
        offerId: offer.id,
        ...(input.customerId ? { customerId: input.customerId } : {}),
        choice: { startsWith: "credit_" },
        creditedAt: null,
      },
      data: { creditedAt: now, ...(input.reference ? { billingReference: input.reference } : {}) },
    });
    if (count === 0 && input.customerId)
      throw new ValidationError("Nothing to mark: this customer has not accepted a credit, or it is already marked as credited.");
    await recordAudit(tx, actor, {
      action: "offer.credited",
      entityType: "offer",
      entityId: offer.id,
      after: { marked: count, customerId: input.customerId ?? "all accepted", reference: input.reference ?? null },
    });
    return { marked: count };
  });
}
