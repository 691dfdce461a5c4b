// The delivery log and the disable rule, written by the outbox worker after
// each attempt to deliver to a webhook.
import { prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import { enqueueEmail } from "../outbox/enqueue";
import { escapeHtml } from "../email/personalise";
import { getPageSettings } from "../settings/queries";

/** Consecutive failed attempts after which a webhook is disabled and the admins are told. */
export const DISABLE_AFTER_FAILURES = 50;

export interface DeliveryOutcome {
  webhookId: string;
  event: string;
  status: number | null;
  responseMs: number;
  /** The first 1 KB of the answer, or the error. */
  response: string;
  isSuccess: boolean;
}

/**
 * Logs one attempt; a success resets the failure count, the 50th failure in
 * a row disables the webhook and queues an email to every admin, in the same
 * transaction.
 */
export async function recordWebhookDelivery(outcome: DeliveryOutcome): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.findUnique({ where: { id: outcome.webhookId }, select: { id: true } });
    if (!webhook) return; // Deleted meanwhile.
    await tx.webhookDelivery.create({ data: { ...outcome, response: outcome.response.slice(0, 1024) } });
    if (outcome.isSuccess) {
      await tx.webhook.update({ where: { id: webhook.id }, data: { consecutiveFailures: 0 } });
      return;
    }
    const [row] = await tx.$queryRaw<{ consecutive_failures: number; is_enabled: boolean; url: string }[]>`
      UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, updated_at = now()
      WHERE id = ${webhook.id} RETURNING consecutive_failures, is_enabled, url`;
    if (!row || !row.is_enabled || row.consecutive_failures < DISABLE_AFTER_FAILURES) return;
    await tx.webhook.update({ where: { id: webhook.id }, data: { isEnabled: false, disabledAt: new Date() } });
    await recordAudit(tx, null, {
      action: "webhook.disabled",
      entityType: "webhook",
      entityId: webhook.id,
      after: { consecutiveFailures: row.consecutive_failures, lastResponse: outcome.response.slice(0, 200) },
    });
    const settings = await getPageSettings(tx);
    const admins = await tx.user.findMany({ where: { role: "ADMIN" }, select: { email: true } });
    const subject = `Webhook disabled after ${row.consecutive_failures} failed deliveries`;
    const text = `Candor stopped delivering to ${row.url}: its last ${row.consecutive_failures} deliveries failed (last: ${outcome.response.slice(0, 200)}).\n\nFix the receiver, then enable it again in ${settings.effectivePublicUrl}/admin/webhooks.`;
    for (const admin of admins) {
      await enqueueEmail(tx, {
        kind: "notice",
        dispatchId: `webhook.disabled:${webhook.id}:${Date.now()}`,
        to: admin.email,
        subject,
        text,
        html: `<p>${escapeHtml(text).replace(/\n\n/g, "</p><p>")}</p>`,
      });
    }
  });
}
