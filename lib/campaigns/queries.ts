import { prisma, type TransactionClient } from "../db";
import { NotFoundError } from "../errors";
import type { Audience } from "./audience";
import { audienceSchema } from "./audience";

export type CampaignState = "draft" | "sending" | "paused" | "sent" | "cancelled";
export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  draft: "Draft",
  sending: "Sending",
  paused: "Paused",
  sent: "Sent",
  cancelled: "Cancelled",
};

/** The campaign's row, locked for the rest of the transaction (state changes, edits and sending run one at a time). */
export async function lockCampaign(tx: TransactionClient, campaignId: string): Promise<{ state: CampaignState; updatedAt: Date }> {
  const [locked] = await tx.$queryRaw<
    { state: CampaignState; updated_at: Date }[]
  >`SELECT state::text AS state, updated_at FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
  if (!locked) throw new NotFoundError("That campaign no longer exists.");
  return { state: locked.state, updatedAt: locked.updated_at };
}

export interface CampaignSummary {
  id: string;
  subject: string;
  state: CampaignState;
  recipients: number;
  sent: number;
  failed: number;
  createdAt: Date;
}

export async function listCampaigns(): Promise<CampaignSummary[]> {
  const [campaigns, counts] = await Promise.all([
    prisma.campaign.findMany({
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, subject: true, state: true, recipients: true, createdAt: true },
    }),
    prisma.$queryRaw<{ campaign_id: string; sent: bigint; failed: bigint }[]>`
      SELECT campaign_id, count(*) FILTER (WHERE state = 'sent') AS sent, count(*) FILTER (WHERE state = 'failed') AS failed FROM outbox GROUP BY campaign_id`,
  ]);
  const byCampaign = new Map(counts.map((row) => [row.campaign_id, row]));
  return campaigns.map((campaign) => ({
    ...campaign,
    state: campaign.state.toLowerCase() as CampaignState,
    sent: Number(byCampaign.get(campaign.id)?.sent ?? 0),
    failed: Number(byCampaign.get(campaign.id)?.failed ?? 0),
  }));
}

export interface CampaignDetail {
  id: string;
  kind: string;
  subject: string;
  body: string;
  incidentId: string | null;
  audience: Audience;
  state: CampaignState;
  recipients: number;
  queuedAt: Date | null;
  finishedAt: Date | null;
}

export async function findCampaign(id: string): Promise<CampaignDetail | null> {
  const row = await prisma.campaign.findUnique({ where: { id } });
  if (!row) return null;
  return { ...row, state: row.state.toLowerCase() as CampaignState, audience: audienceSchema.parse(row.audience) };
}

export const RECIPIENT_STATES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];
export const RECIPIENT_PAGE_SIZE = 50;

export async function listRecipients(campaignId: string, { state, page = 1 }: { state?: RecipientState; page?: number }) {
  const where = { campaignId, ...(state ? { state: state.toUpperCase() as "PENDING" } : {}) };
  const [rows, total] = await Promise.all([
    prisma.outboxMessage.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * RECIPIENT_PAGE_SIZE,
      take: RECIPIENT_PAGE_SIZE,
      select: {
        id: true,
        recipient: true,
        state: true,
        attempts: true,
        lastError: true,
        sentAt: true,
        unconfirmedSends: true,
        nextAttemptAt: true,
      },
    }),
    prisma.outboxMessage.count({ where }),
  ]);
  return {
    rows: rows.map(({ recipient, nextAttemptAt, ...row }) => ({
      ...row,
      /** A pending message waiting in backoff: when it is tried again. */
      nextTryAt: row.state === "PENDING" && row.attempts > 0 ? nextAttemptAt : null,
      email: recipient,
      id: row.id.toString(),
      state: row.state.toLowerCase() as RecipientState,
    })),
    total,
  };
}
