import { prisma, type TransactionClient } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { createSendingCampaign } from "../campaigns/create-sending-campaign";
import { brandingOf, compileMessage } from "../email/templates";
import { refreshOutboxStatistics } from "../outbox/enqueue";
import { DISPATCH_KINDS } from "../outbox/kinds";
import { getPageSettings } from "../settings/queries";
import { liabilityByCurrency } from "./amounts";
import { choiceLine } from "./choices";
import { OFFER_URL_SLOT } from "./offer-email";
import { getOffer } from "./queries";
import { hashToken, newToken } from "./tokens";
import { listOfferRecipients, type OfferRecipient } from "./recipients";

/**
 * Sends a draft offer: in one transaction, a refund_offer campaign, one
 * response row per included customer (their amounts and the SHA-256 of a new
 * 256-bit random link token) and one outbox row per customer carrying their
 * token and amounts, all set-based (INSERT … SELECT over arrays), so 100,000
 * customers take one statement each. Not idempotent by design: a second send
 * of the same offer is refused (ConflictError), never queued twice.
 */
export async function sendOffer(
  actor: AuditActor,
  input: { offerId: string },
  now = new Date(),
): Promise<{ recipients: number; excluded: number }> {
  const offer = await getOffer(input.offerId);
  const settings = await getPageSettings();
  const message = await compileMessage("refund_offer", {
    subject: offer.subject,
    body: offer.body,
    linkUrl: OFFER_URL_SLOT,
    branding: brandingOf(settings),
  });
  const sent = await prisma.$transaction(
    async (tx) => {
      await lockDraft(tx, offer.id, now);
      const recipients = await listOfferRecipients(offer.audience, offer.choices, tx);
      const included = recipients.filter((recipient) => !recipient.offer.isExcluded);
      if (included.length === 0)
        throw new ValidationError(
          "Nobody would receive this offer: no customer in the audience has an amount. Change the audience or the credits.",
        );
      const campaign = await createSendingCampaign(tx, {
        kind: "refund_offer",
        message,
        body: offer.body,
        incidentId: offer.incidentId,
        audience: offer.audience as object,
        recipients: included.length,
        createdById: actor.id,
        now,
      });
      await insertResponsesAndMessages(tx, { offerId: offer.id, campaignId: campaign.id, now }, included, offer.choices);
      await tx.offer.update({ where: { id: offer.id }, data: { state: "SENT", campaignId: campaign.id, sentAt: now } });
      await recordAudit(tx, actor, {
        action: "offer.sent",
        entityType: "offer",
        entityId: offer.id,
        after: {
          campaignId: campaign.id,
          recipients: included.length,
          excluded: recipients.length - included.length,
          liability: Object.fromEntries(liabilityByCurrency(recipients)),
        },
      });
      return { recipients: included.length, excluded: recipients.length - included.length };
    },
    { timeout: 120_000 },
  );
  if (sent.recipients >= 1_000) await refreshOutboxStatistics();
  return sent;
}

async function lockDraft(tx: TransactionClient, offerId: string, now: Date): Promise<void> {
  const [locked] = await tx.$queryRaw<
    { state: string; deadline: Date }[]
  >`SELECT state::text, deadline FROM offers WHERE id = ${offerId} FOR UPDATE`;
  if (!locked) throw new NotFoundError("That offer no longer exists.");
  if (locked.state !== "draft") throw new ConflictError("This offer was already sent. Its answers are on this page.");
  if (locked.deadline.getTime() <= now.getTime())
    throw new ValidationError("The offer's deadline has passed. Prepare a new offer with a later deadline.");
}

async function insertResponsesAndMessages(
  tx: TransactionClient,
  ids: { offerId: string; campaignId: string; now: Date },
  included: OfferRecipient[],
  choices: Parameters<typeof choiceLine>[0][],
): Promise<void> {
  const customerIds = included.map((recipient) => recipient.id);
  const currencies = included.map((recipient) => recipient.currency!);
  const amounts = included.map((recipient) => JSON.stringify(recipient.offer.amounts.map((entry) => entry.amount)));
  const lines = included.map((recipient) =>
    JSON.stringify(
      recipient.offer.amounts.flatMap((entry, index) =>
        entry.amount === null ? [] : [choiceLine(choices[index]!, entry.amount, recipient.currency!)],
      ),
    ),
  );
  // Each link's token: 256 bits from Node's CSPRNG; only its hash goes on the response row.
  const tokens = included.map(() => newToken());
  const hashes = tokens.map(hashToken);
  await tx.$executeRaw`
    INSERT INTO offer_responses (offer_id, customer_id, token_hash, currency, amounts)
    SELECT ${ids.offerId}, u.customer_id, u.token_hash, u.currency, u.amounts::jsonb
    FROM unnest(${customerIds}::text[], ${hashes}::text[], ${currencies}::text[], ${amounts}::text[]) AS u(customer_id, token_hash, currency, amounts)`;
  // The personalisation values come with the recipients (read in this transaction): no join back to customers.
  const column = (pick: (recipient: OfferRecipient) => string | null) => included.map(pick);
  await tx.$executeRaw`
    INSERT INTO outbox (kind, dispatch_id, campaign_id, channel, priority, customer_id, recipient, payload, next_attempt_at)
    SELECT 'campaign', ${ids.campaignId}, ${ids.campaignId}, 'email', ${DISPATCH_KINDS.campaign.priority}, u.customer_id, u.email,
           jsonb_build_object('name', u.name, 'firstName', u.first_name, 'company', u.company, 'plan', u.plan, 'externalId', u.external_id,
                              'offerToken', u.token, 'offerChoices', u.lines::jsonb),
           ${ids.now}
    FROM unnest(${customerIds}::text[], ${column((r) => r.email)}::text[], ${column((r) => r.name)}::text[], ${column((r) => r.firstName)}::text[],
                ${column((r) => r.company)}::text[], ${column((r) => r.plan)}::text[], ${column((r) => r.externalId)}::text[],
                ${tokens}::text[], ${lines}::text[])
      AS u(customer_id, email, name, first_name, company, plan, external_id, token, lines)`;
}
