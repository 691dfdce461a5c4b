// The customer's side: the page behind their link, and their answer. The
// link's token is looked up by its SHA-256 only, so it finds exactly one
// (offer, customer) row; nothing here changes anything on a read.
import { prisma } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { markdownToText } from "../markdown/render";
import { formatMinor } from "./money";
import { creditChoiceId, creditIndexOf, DECLINE, DECLINE_LABEL, describeChoice, storedChoicesSchema } from "./choices";
import { formTokenFor, hashToken, isFormToken, isTokenShaped } from "./tokens";

export interface OfferPageChoice {
  id: string;
  label: string;
  /** "€49.90"; null for "No thanks". */
  amount: string | null;
}

export interface OfferPage {
  isOpen: boolean;
  incidentTitle: string;
  /** What happened, in one line: the incident's latest public update. */
  summary: string;
  postmortemPath: string | null;
  deadline: Date;
  choices: OfferPageChoice[];
  hasCommentBox: boolean;
  chosen: OfferPageChoice | null;
  comment: string | null;
  respondedAt: Date | null;
  formToken: string;
}

async function findResponse(token: string) {
  if (!isTokenShaped(token)) return null;
  const tokenHash = hashToken(token);
  const response = await prisma.offerResponse.findUnique({
    where: { tokenHash },
    include: { offer: { include: { incident: { include: { postmortem: { select: { state: true } } } } } } },
  });
  return response ? { tokenHash, response } : null;
}

function choicesOf(stored: unknown, amounts: unknown, currency: string): OfferPageChoice[] {
  const choices = storedChoicesSchema.parse(stored);
  const perChoice = (amounts as (number | null)[]) ?? [];
  const credits = choices.flatMap((choice, index) => {
    const amount = perChoice[index];
    return typeof amount === "number"
      ? [{ id: creditChoiceId(index), label: describeChoice(choice), amount: formatMinor(amount, currency) }]
      : [];
  });
  return [...credits, { id: DECLINE, label: DECLINE_LABEL, amount: null }];
}

/** The page behind a link, or null for a link that is not one (tampered, cut short, unknown). Reads only. */
export async function findOfferPage(token: string, now = new Date()): Promise<OfferPage | null> {
  const found = await findResponse(token);
  if (!found) return null;
  const { response, tokenHash } = found;
  const { offer } = response;
  const latest = await prisma.incidentUpdate.findFirst({
    where: { incidentId: offer.incidentId, isInternal: false },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: { message: true },
  });
  const choices = choicesOf(offer.choices, response.amounts, response.currency);
  const summary = latest
    ? (markdownToText(latest.message)
        .split("\n")
        .find((line) => line.trim()) ?? "")
    : "";
  return {
    isOpen: now.getTime() < offer.deadline.getTime(),
    incidentTitle: offer.incident.title,
    summary: summary.length > 240 ? `${summary.slice(0, 239)}…` : summary,
    postmortemPath: offer.incident.postmortem?.state === "PUBLISHED" ? `/incidents/${offer.incidentId}/postmortem` : null,
    deadline: offer.deadline,
    choices,
    hasCommentBox: offer.hasCommentBox,
    chosen: choices.find((choice) => choice.id === response.choice) ?? null,
    comment: response.comment,
    respondedAt: response.respondedAt,
    formToken: formTokenFor(tokenHash),
  };
}

/**
 * Records (or changes) the customer's answer until the deadline. Throws
 * NotFoundError for a link that is not one, ForbiddenError without the page's
 * form token, ConflictError after the deadline, ValidationError for a choice
 * this customer was not offered. Answering again replaces the answer.
 */
export async function answerOffer(
  input: { token: string; choice: string; comment: string; formToken: string },
  now = new Date(),
): Promise<{ choice: string }> {
  const found = await findResponse(input.token);
  if (!found) throw new NotFoundError("This offer link is not valid (it may be cut short). Use the link in the email we sent you.");
  const { response, tokenHash } = found;
  if (!isFormToken(tokenHash, input.formToken))
    throw new ForbiddenError("This answer did not come from your offer page. Open the link in the email again and choose there.");
  const { offer } = response;
  if (now.getTime() >= offer.deadline.getTime())
    throw new ConflictError(
      `This offer closed on ${offer.deadline.toISOString().slice(0, 16).replace("T", " ")} UTC; answers are no longer taken.`,
    );
  const choices = storedChoicesSchema.parse(offer.choices);
  const amounts = response.amounts as (number | null)[];
  const index = creditIndexOf(input.choice, choices.length);
  if (input.choice !== DECLINE && (index === null || typeof amounts[index] !== "number"))
    throw new ValidationError("Choose one of the options on the page.", { choice: ["Choose one of the options."] });
  const comment = offer.hasCommentBox && input.comment ? input.comment : null;
  // Guarded by the deadline in SQL too: an answer racing the deadline cannot land after it.
  const updated = await prisma.offerResponse.updateMany({
    where: { offerId: response.offerId, customerId: response.customerId, offer: { deadline: { gt: now } }, creditedAt: null },
    data: { choice: input.choice, amount: index === null ? null : amounts[index]!, comment, respondedAt: now },
  });
  if (updated.count === 0) throw new ConflictError("Your credit has already been applied, so your answer can no longer change.");
  return { choice: input.choice };
}
