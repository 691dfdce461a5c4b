// Pause, resume, cancel and "retry failed" for a campaign being sent.
import { prisma } from "../db";
import { ConflictError } from "../errors";
import { lockCampaign, type CampaignState } from "./queries";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export const CAMPAIGN_CONTROLS = ["pause", "resume", "cancel", "retry_failed"] as const;
export type CampaignControl = (typeof CAMPAIGN_CONTROLS)[number];

const ALLOWED: Record<CampaignControl, { from: CampaignState[]; to: "SENDING" | "PAUSED" | "CANCELLED"; done: string }> = {
  pause: { from: ["sending"], to: "PAUSED", done: "paused" },
  resume: { from: ["paused"], to: "SENDING", done: "resumed" },
  cancel: { from: ["sending", "paused"], to: "CANCELLED", done: "cancelled" },
  retry_failed: { from: ["sent", "sending", "paused"], to: "SENDING", done: "retried" },
};

export async function controlCampaign(
  actor: AuditActor,
  input: { campaignId: string; control: CampaignControl },
): Promise<{ affected: number }> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockCampaign(tx, input.campaignId);
    const rule = ALLOWED[input.control];
    if (!rule.from.includes(locked.state)) throw new ConflictError(`A ${locked.state} campaign cannot be ${rule.done}.`);
    let affected = 0;
    if (input.control === "cancel") {
      affected = await tx.$executeRaw`UPDATE outbox SET state = 'cancelled' WHERE campaign_id = ${input.campaignId} AND state = 'pending'`;
    }
    if (input.control === "retry_failed") {
      affected =
        await tx.$executeRaw`UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE campaign_id = ${input.campaignId} AND state = 'failed'`;
      if (affected === 0) throw new ConflictError("No message of this campaign has failed.");
    }
    await tx.campaign.update({
      where: { id: input.campaignId },
      data: { state: rule.to, ...(rule.to === "CANCELLED" ? { finishedAt: new Date() } : { finishedAt: null }) },
    });
    await recordAudit(tx, actor, {
      action: `campaign.${input.control}`,
      entityType: "campaign",
      entityId: input.campaignId,
      after: { affected },
    });
    return { affected };
  });
}
