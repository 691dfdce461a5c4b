import { prisma } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { lockCampaign } from "./queries";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { getPageSettings } from "../settings/queries";
import { brandingOf, compileMessage, type CompiledMessage, type MessageKind } from "../email/templates";
import { audienceSchema, audienceWhere } from "./audience";
import { DISPATCH_KINDS } from "../outbox/kinds";
import { refreshOutboxStatistics } from "../outbox/enqueue";

/** The link a campaign's button and text point to: its incident's page (or postmortem), else the status page. */
export function campaignLink(publicUrl: string, kind: string, incidentId: string | null): string {
  if (!incidentId) return publicUrl;
  return kind === "postmortem" ? `${publicUrl}/incidents/${incidentId}/postmortem` : `${publicUrl}/incidents/${incidentId}`;
}

/** The campaign's message, compiled with the page's current branding. */
export async function compileCampaign(campaign: {
  kind: string;
  subject: string;
  body: string;
  incidentId: string | null;
}): Promise<CompiledMessage> {
  const settings = await getPageSettings();
  return compileMessage(campaign.kind as MessageKind, {
    subject: campaign.subject,
    body: campaign.body,
    linkUrl: campaignLink(settings.effectivePublicUrl, campaign.kind, campaign.incidentId),
    branding: brandingOf(settings),
  });
}

/**
 * Queues a draft: compiles its MJML once, then in one transaction inserts one
 * outbox row per recipient (unique per campaign and address) and marks the
 * campaign as sending. Either every recipient is queued or none is.
 */
export async function sendCampaign(actor: AuditActor, input: { campaignId: string }, now = new Date()): Promise<{ recipients: number }> {
  const draft = await prisma.campaign.findUnique({ where: { id: input.campaignId } });
  if (!draft) throw new NotFoundError("That campaign no longer exists.");
  const compiled = await compileCampaign(draft);
  const audience = audienceSchema.parse(draft.audience);
  const queued = await prisma.$transaction(
    async (tx) => {
      const locked = await lockCampaign(tx, draft.id);
      if (locked.state !== "draft") throw new ConflictError("This campaign was already sent or cancelled.");
      // The message was compiled from the draft as read above: an edit since then must be reviewed first.
      if (locked.updatedAt.getTime() !== draft.updatedAt.getTime())
        throw new ConflictError("The draft was changed while you were sending it. Review it again, then send.");
      const recipients = await tx.$executeRaw`
        INSERT INTO outbox (kind, dispatch_id, campaign_id, channel, priority, customer_id, recipient, payload, next_attempt_at)
        SELECT 'campaign', ${draft.id}, ${draft.id}, 'email', ${DISPATCH_KINDS.campaign.priority}, c.id, c.email,
               jsonb_build_object('name', c.name, 'firstName', c.first_name, 'company', c.company, 'plan', c.plan, 'externalId', c.external_id),
               ${now}
        FROM customers c WHERE ${audienceWhere(audience)}
        ON CONFLICT (kind, dispatch_id, recipient) DO NOTHING`;
      if (recipients === 0)
        throw new ValidationError("Nobody would receive this: the audience is empty. Change the filters.", {
          audience: ["The audience is empty."],
        });
      await tx.campaign.update({
        where: { id: draft.id },
        data: { state: "SENDING", html: compiled.html, text: compiled.text, recipients, queuedAt: now },
      });
      await recordAudit(tx, actor, {
        action: "campaign.sent",
        entityType: "campaign",
        entityId: draft.id,
        after: { recipients, subject: draft.subject },
      });
      return { recipients };
    },
    { timeout: 120_000 },
  );
  if (queued.recipients >= BULK_ROWS) await refreshOutboxStatistics();
  return queued;
}

/** Queuing this many rows at once changes the outbox enough to refresh its statistics. */
const BULK_ROWS = 1_000;
