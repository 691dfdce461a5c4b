import type { TransactionClient } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { brandingOf, compileMessage } from "../email/templates";
import { DISPATCH_KINDS } from "../outbox/kinds";
import { getPageSettings } from "../settings/queries";
import { audienceWhere } from "./audience";
import { campaignLink } from "./send-campaign";

/**
 * The one-screen declare's "Email the customers using these components": a
 * campaign to those customers, compiled and queued in the caller's
 * transaction (with the incident it announces). Nobody using them: no
 * campaign, 0.
 */
export async function queueIncidentCampaign(
  tx: TransactionClient,
  actor: AuditActor,
  input: { incidentId: string; subject: string; body: string; componentIds: string[] },
  now = new Date(),
): Promise<{ recipients: number }> {
  const audience = { componentIds: input.componentIds, plans: [], tags: [], accounts: [] };
  if (!input.componentIds.length) return { recipients: 0 };
  const settings = await getPageSettings(tx);
  const compiled = await compileMessage("incident_notice", {
    subject: input.subject,
    body: input.body,
    linkUrl: campaignLink(settings.effectivePublicUrl, "incident_notice", input.incidentId),
    branding: brandingOf(settings),
  });
  const campaign = await tx.campaign.create({
    data: {
      kind: "incident_notice",
      subject: input.subject,
      body: input.body,
      audience,
      incidentId: input.incidentId,
      state: "SENDING",
      html: compiled.html,
      text: compiled.text,
      createdById: actor.id,
      queuedAt: now,
    },
  });
  const recipients = await tx.$executeRaw`
    INSERT INTO outbox (kind, dispatch_id, campaign_id, channel, priority, customer_id, recipient, payload, next_attempt_at)
    SELECT 'campaign', ${campaign.id}, ${campaign.id}, 'email', ${DISPATCH_KINDS.campaign.priority}, c.id, c.email,
           jsonb_build_object('name', c.name, 'firstName', c.first_name, 'company', c.company, 'plan', c.plan, 'externalId', c.external_id),
           ${now}
    FROM customers c WHERE ${audienceWhere(audience)}
    ON CONFLICT (kind, dispatch_id, recipient) DO NOTHING`;
  if (recipients === 0) {
    await tx.campaign.delete({ where: { id: campaign.id } });
    return { recipients: 0 };
  }
  await tx.campaign.update({ where: { id: campaign.id }, data: { recipients } });
  await recordAudit(tx, actor, {
    action: "campaign.sent",
    entityType: "campaign",
    entityId: campaign.id,
    after: { recipients, subject: input.subject },
  });
  return { recipients };
}
