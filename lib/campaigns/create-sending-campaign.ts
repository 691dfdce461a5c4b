import type { TransactionClient } from "../db";
import type { CompiledMessage } from "../email/templates";

/**
 * A campaign that another domain queues itself (a make-good offer inserts its
 * own personalised outbox rows): created already sending, with its compiled
 * message, inside the caller's transaction. The campaign's progress view,
 * pause and cancel then work for it like for any other.
 */
export async function createSendingCampaign(
  tx: TransactionClient,
  input: {
    kind: string;
    message: CompiledMessage;
    body: string;
    incidentId: string;
    audience: object;
    recipients: number;
    createdById: string;
    now: Date;
  },
): Promise<{ id: string }> {
  const campaign = await tx.campaign.create({
    data: {
      kind: input.kind,
      subject: input.message.subject,
      body: input.body,
      audience: input.audience,
      incidentId: input.incidentId,
      state: "SENDING",
      html: input.message.html,
      text: input.message.text,
      recipients: input.recipients,
      createdById: input.createdById,
      queuedAt: input.now,
    },
    select: { id: true },
  });
  return campaign;
}
