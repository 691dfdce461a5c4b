import { prisma } from "../db";

export interface CampaignProgress {
  state: string;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  cancelled: number;
  /**
   * Sends that began under a worker's claim which then lapsed without a
   * result (the worker was killed mid-send): each was sent again and may
   * have reached its recipient twice.
   */
  unconfirmed: number;
  /** Messages a second over the last minute. */
  rate: number;
  /** Pending messages waiting in backoff for their next try (counted in `pending`). */
  waiting: number;
  /** Seconds until the pending messages are sent at that rate and the last retry is due, or null. */
  etaSeconds: number | null;
}

/**
 * When the pending messages should be done: the ready ones at the recent
 * rate, and none before the last one waiting in backoff is tried again.
 */
export function estimateSeconds(ready: number, rate: number, lastRetryInSeconds: number | null): number | null {
  const retry = lastRetryInSeconds === null ? 0 : Math.max(0, Math.ceil(lastRetryInSeconds));
  if (ready === 0) return lastRetryInSeconds === null ? null : retry;
  if (rate <= 0) return null;
  return Math.max(Math.ceil(ready / rate), retry);
}

export async function campaignProgress(campaignId: string): Promise<CampaignProgress | null> {
  const [campaign, counts, recent, backoff] = await Promise.all([
    prisma.campaign.findUnique({ where: { id: campaignId }, select: { state: true, recipients: true } }),
    prisma.$queryRaw<
      { state: string; count: bigint; unconfirmed: bigint }[]
    >`SELECT state::text, count(*) AS count, sum(unconfirmed_sends) AS unconfirmed FROM outbox WHERE campaign_id = ${campaignId} GROUP BY state`,
    prisma.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS count FROM outbox WHERE campaign_id = ${campaignId} AND state = 'sent' AND sent_at > now() - interval '60 seconds'`,
    prisma.$queryRaw<
      { count: bigint; last_in: number | null }[]
    >`SELECT count(*) AS count, extract(epoch FROM max(next_attempt_at) - now())::float8 AS last_in FROM outbox WHERE campaign_id = ${campaignId} AND state = 'pending' AND next_attempt_at > now()`,
  ]);
  if (!campaign) return null;
  const by = Object.fromEntries(counts.map((row) => [row.state, Number(row.count)]));
  const pending = (by.pending ?? 0) + (by.sending ?? 0);
  const rate = Number(recent[0]!.count) / 60;
  const waiting = Number(backoff[0]!.count);
  return {
    state: campaign.state.toLowerCase(),
    total: campaign.recipients,
    sent: by.sent ?? 0,
    failed: by.failed ?? 0,
    pending,
    cancelled: by.cancelled ?? 0,
    unconfirmed: counts.reduce((sum, row) => sum + Number(row.unconfirmed), 0),
    rate,
    waiting,
    etaSeconds: pending > 0 ? estimateSeconds(pending - waiting, rate, waiting > 0 ? backoff[0]!.last_in : null) : null,
  };
}
