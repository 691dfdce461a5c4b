import { prisma } from "../db";
import { ConflictError } from "../errors";
import { lockCampaign } from "./queries";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { CampaignDraftInput } from "./schemas";

/** Creates a draft, or changes one that has not been sent. */
export async function saveCampaignDraft(actor: AuditActor, input: CampaignDraftInput & { campaignId?: string }): Promise<{ id: string }> {
  const data = {
    kind: input.kind,
    subject: input.subject,
    body: input.body,
    incidentId: input.incidentId ?? null,
    audience: input.audience,
  };
  return prisma.$transaction(async (tx) => {
    if (!input.campaignId) {
      const created = await tx.campaign.create({ data: { ...data, createdById: actor.id } });
      await recordAudit(tx, actor, {
        action: "campaign.drafted",
        entityType: "campaign",
        entityId: created.id,
        after: { subject: input.subject },
      });
      return { id: created.id };
    }
    const locked = await lockCampaign(tx, input.campaignId);
    if (locked.state !== "draft") throw new ConflictError("A campaign that was sent cannot be changed; write a new one.");
    await tx.campaign.update({ where: { id: input.campaignId }, data });
    await recordAudit(tx, actor, {
      action: "campaign.edited",
      entityType: "campaign",
      entityId: input.campaignId,
      after: { subject: input.subject },
    });
    return { id: input.campaignId };
  });
}
