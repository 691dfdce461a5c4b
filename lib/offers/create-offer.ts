import { prisma } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { OfferDraftInput } from "./schemas";

/**
 * Saves an offer as a draft for review: nothing is sent and no link exists
 * until sendOffer. Throws ValidationError for a deadline not in the future
 * and NotFoundError for an unknown incident.
 */
export async function createOfferDraft(actor: AuditActor, input: OfferDraftInput, now = new Date()): Promise<{ id: string }> {
  if (input.deadline.getTime() <= now.getTime())
    throw new ValidationError("The deadline has passed. Choose a time in the future (UTC).", { deadline: ["The deadline has passed."] });
  return prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { id: true } });
    if (!incident) throw new NotFoundError("That incident no longer exists.");
    const offer = await tx.offer.create({
      data: {
        incidentId: incident.id,
        choices: input.choices as object[],
        hasCommentBox: input.hasCommentBox,
        deadline: input.deadline,
        subject: input.subject,
        body: input.body,
        audience: input.audience,
        createdById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "offer.drafted",
      entityType: "offer",
      entityId: offer.id,
      after: { incidentId: incident.id, choices: input.choices, deadline: input.deadline.toISOString() },
    });
    return { id: offer.id };
  });
}
