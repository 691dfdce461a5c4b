import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { messageIdFor } from "../email/delivery-rules";
import { recipientValues, type RecipientFields } from "../email/personalise";
import { personaliseMessage, type CompiledMessage } from "../email/templates";
import { sampleUnsubscribeUrl } from "../email/unsubscribe";
import { getPageSettings } from "../settings/queries";
import type { AuditActor } from "../audit/record-audit";
import { createMailTransport, senderAddress } from "../outbox/transport";
import { compileCampaign } from "./send-campaign";

async function compiled(campaignId: string): Promise<CompiledMessage> {
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new NotFoundError("That campaign no longer exists.");
  // A queued campaign shows exactly what was queued; a draft, what it would send now.
  return campaign.html && campaign.text
    ? { subject: campaign.subject, html: campaign.html, text: campaign.text }
    : compileCampaign(campaign);
}

/** The message as one recipient (a customer, or a sample person) will receive it. */
export async function previewCampaign(campaignId: string, customerId: string | null): Promise<CompiledMessage & { to: string }> {
  const customer = customerId ? await prisma.customer.findUnique({ where: { id: customerId } }) : null;
  const recipient: RecipientFields = customer ?? {
    email: "jane@example.com",
    name: "Jane Example",
    firstName: "Jane",
    company: "Example Ltd",
    plan: "pro",
    externalId: "acc-123",
  };
  const settings = await getPageSettings();
  const copy = personaliseMessage(
    await compiled(campaignId),
    recipientValues(recipient),
    sampleUnsubscribeUrl(settings.effectivePublicUrl),
  );
  return { ...copy, to: recipient.email };
}

/** Sends the message to the operator now, as a customer would get it, marked as a test. */
export async function testSendCampaign(
  actor: AuditActor & { name?: string },
  campaignId: string,
): Promise<{ to: string; delivered: boolean }> {
  const settings = await getPageSettings();
  const copy = personaliseMessage(
    await compiled(campaignId),
    recipientValues({ email: actor.email, name: actor.name ?? null }),
    sampleUnsubscribeUrl(settings.effectivePublicUrl),
  );
  const transport = createMailTransport();
  try {
    await transport.send({
      from: senderAddress(settings.effectivePublicUrl),
      to: actor.email,
      subject: `[Test] ${copy.subject}`,
      html: copy.html,
      text: copy.text,
      messageId: messageIdFor(`${campaignId}-test-${Date.now()}`, actor.email, new URL(settings.effectivePublicUrl).hostname),
      campaignId,
      headers: { "X-Candor-Campaign": campaignId, "X-Candor-Test": "1" },
    });
  } finally {
    transport.close();
  }
  return { to: actor.email, delivered: transport.kind === "smtp" };
}
