import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { DISPATCH_KINDS } from "../outbox/kinds";

/**
 * Queues one stripe_credit outbox message per accepted response whose
 * customer has a Stripe customer id and no credit recorded yet, in one
 * statement. Applying again queues nothing for credits queued or applied
 * already (unique per offer and customer); a credit Stripe refused is queued
 * again. Audited in the same transaction.
 */
export async function applyCreditsInStripe(actor: AuditActor, input: { offerId: string }, now = new Date()): Promise<{ queued: number }> {
  return prisma.$transaction(async (tx) => {
    const offer = await tx.offer.findUnique({ where: { id: input.offerId }, select: { id: true } });
    if (!offer) throw new NotFoundError("That offer no longer exists.");
    const queued = await tx.$executeRaw`
      INSERT INTO outbox (kind, dispatch_id, channel, priority, customer_id, recipient, payload, next_attempt_at)
      SELECT 'stripe_credit', r.offer_id, 'http', ${DISPATCH_KINDS.stripe_credit.priority}, r.customer_id, 'stripe:' || r.customer_id,
             jsonb_build_object('offerId', r.offer_id, 'customerId', r.customer_id), ${now}
      FROM offer_responses r JOIN customers c ON c.id = r.customer_id
      WHERE r.offer_id = ${offer.id} AND r.choice LIKE 'credit\\_%' AND r.amount IS NOT NULL
        AND c.stripe_customer_id IS NOT NULL AND r.credited_at IS NULL
      ON CONFLICT (kind, dispatch_id, recipient) DO UPDATE
        SET state = 'pending', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL
        WHERE outbox.state = 'failed'`;
    await recordAudit(tx, actor, { action: "offer.stripe_applied", entityType: "offer", entityId: offer.id, after: { queued } });
    return { queued };
  });
}
