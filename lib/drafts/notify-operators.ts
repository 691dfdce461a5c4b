import type { TransactionClient } from "../db";

/**
 * HOOK for the operator email on a new draft (issue 21). Candor's outbox
 * (lib/outbox) only carries campaign rows today (outbox.campaign_id is
 * required), so there is no clean way yet to queue a one-off operator
 * notice inside this transaction. When the outbox carries notices (issue
 * "One durable outbox for every outbound message"), insert one row per
 * operator here with `tx`; the drafts bar in the admin is live meanwhile.
 */
export async function notifyOperatorsOfDraft(
  _tx: TransactionClient,
  _draft: { id: string; title: string; source: string },
): Promise<void> {}
