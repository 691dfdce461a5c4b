import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { liabilityByCurrency, type CreditChoice } from "./amounts";
import { storedChoicesSchema } from "./choices";
import { listOfferRecipients, type OfferRecipient } from "./recipients";

export interface OfferDetail {
  id: string;
  incidentId: string;
  incidentTitle: string;
  choices: CreditChoice[];
  hasCommentBox: boolean;
  deadline: Date;
  subject: string;
  body: string;
  audience: unknown;
  state: "draft" | "sent";
  campaignId: string | null;
  sentAt: Date | null;
}

/** Throws NotFoundError. */
export async function getOffer(id: string): Promise<OfferDetail> {
  const offer =
    id.length <= 64 ? await prisma.offer.findUnique({ where: { id }, include: { incident: { select: { title: true } } } }) : null;
  if (!offer) throw new NotFoundError("That offer no longer exists.");
  return {
    id: offer.id,
    incidentId: offer.incidentId,
    incidentTitle: offer.incident.title,
    choices: storedChoicesSchema.parse(offer.choices),
    hasCommentBox: offer.hasCommentBox,
    deadline: offer.deadline,
    subject: offer.subject,
    body: offer.body,
    audience: offer.audience,
    state: offer.state === "SENT" ? "sent" : "draft",
    campaignId: offer.campaignId,
    sentAt: offer.sentAt,
  };
}

export interface OfferReview {
  included: OfferRecipient[];
  excluded: OfferRecipient[];
  /** The most the offer can cost per currency (each customer's largest choice). */
  liability: [string, number][];
}

/** Before sending: every recipient with their amounts, those left out apart, and the liability per currency. */
export async function reviewOffer(offer: OfferDetail): Promise<OfferReview> {
  const recipients = await listOfferRecipients(offer.audience, offer.choices);
  return {
    included: recipients.filter((recipient) => !recipient.offer.isExcluded),
    excluded: recipients.filter((recipient) => recipient.offer.isExcluded),
    liability: [...liabilityByCurrency(recipients)].sort(([a], [b]) => a.localeCompare(b)),
  };
}

export async function listIncidentOffers(
  incidentId: string,
): Promise<{ id: string; state: "draft" | "sent"; deadline: Date; createdAt: Date }[]> {
  const offers = await prisma.offer.findMany({ where: { incidentId }, orderBy: { createdAt: "desc" }, take: 20 });
  return offers.map((offer) => ({
    id: offer.id,
    state: offer.state === "SENT" ? "sent" : "draft",
    deadline: offer.deadline,
    createdAt: offer.createdAt,
  }));
}
