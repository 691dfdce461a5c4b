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
  /** Seconds until the pending messages are sent at that rate, or null. */
  etaSeconds: number | null;
}

export async function campaignProgress(campaignId: string): Promise<CampaignProgress | null> {
  const [campaign, counts, recent] = await Promise.all([
    prisma.campaign.findUnique({ where: { id: campaignId }, select: { state: true, recipients: true } }),
    prisma.$queryRaw<
      { state: string; count: bigint; unconfirmed: bigint }[]
    >`SELECT state::text, count(*) AS count, sum(unconfirmed_sends) AS unconfirmed FROM outbox WHERE campaign_id = ${campaignId} GROUP BY state`,
    prisma.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS count FROM outbox WHERE campaign_id = ${campaignId} AND state = 'sent' AND sent_at > now() - interval '60 seconds'`,
  ]);
  if (!campaign) return null;
  const by = Object.fromEntries(counts.map((row) => [row.state, Number(row.count)]));
  const pending = (by.pending ?? 0) + (by.sending ?? 0);
  const rate = Number(recent[0]!.count) / 60;
  return {
    state: campaign.state.toLowerCase(),
    total: campaign.recipients,
    sent: by.sent ?? 0,
    failed: by.failed ?? 0,
    pending,
    cancelled: by.cancelled ?? 0,
    unconfirmed: counts.reduce((sum, row) => sum + Number(row.unconfirmed), 0),
    rate,
    etaSeconds: pending > 0 && rate > 0 ? Math.ceil(pending / rate) : null,
  };
}
