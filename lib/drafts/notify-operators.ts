// Operators hear of a new draft by email, queued on the outbox in the
// draft's own transaction: the notice goes out if and only if the draft
// exists. Every operator who may publish it (admins and responders) gets one.
import type { TransactionClient } from "../db";
import { escapeHtml } from "../email/personalise";
import { enqueueEmail } from "../outbox/enqueue";
import { getPageSettings } from "../settings/queries";

export async function notifyOperatorsOfDraft(tx: TransactionClient, draft: { id: string; title: string; source: string }): Promise<void> {
  const operators = await tx.user.findMany({ where: { role: { in: ["ADMIN", "RESPONDER"] } }, select: { email: true } });
  if (operators.length === 0) return;
  const { effectivePublicUrl, pageName } = await getPageSettings(tx);
  const adminUrl = new URL("/admin", effectivePublicUrl).toString();
  const subject = `Draft waiting: ${draft.title}`.slice(0, 300);
  const text = `${draft.source} proposed “${draft.title}” for ${pageName}.\n\nNothing reaches customers until someone publishes it (unless its alert rule publishes automatically). Review it in the admin:\n${adminUrl}\n`;
  const html = `<p>${escapeHtml(draft.source)} proposed <strong>${escapeHtml(draft.title)}</strong> for ${escapeHtml(pageName)}.</p><p>Nothing reaches customers until someone publishes it (unless its alert rule publishes automatically).</p><p><a href="${escapeHtml(adminUrl)}">Review it in the admin</a></p>`;
  for (const { email } of operators) {
    await enqueueEmail(tx, { kind: "notice", dispatchId: `draft:${draft.id}`, to: email, subject, text, html });
  }
}
