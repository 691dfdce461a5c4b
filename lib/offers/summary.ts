// What an offer stands at: per currency, how many were offered and up to how
// much, how many took each credit and for how much, declined, did not answer,
// and what was credited. One grouped query, whatever the count.
import { prisma } from "../db";
import { storedChoicesSchema, describeChoice, creditChoiceId, DECLINE_LABEL } from "./choices";

export interface CurrencySummary {
  currency: string;
  offered: { count: number; upTo: number };
  accepted: { choiceId: string; label: string; count: number; sum: number }[];
  declined: number;
  noAnswer: number;
  credited: { count: number; sum: number };
}

export async function summariseOffer(offerId: string, storedChoices: unknown): Promise<CurrencySummary[]> {
  const choices = storedChoicesSchema.parse(storedChoices);
  const rows = await prisma.$queryRaw<
    {
      currency: string;
      choice: string | null;
      count: bigint;
      sum: bigint | null;
      up_to: bigint | null;
      credited: bigint;
      credited_sum: bigint | null;
    }[]
  >`
    SELECT currency, choice, count(*) AS count, sum(amount) AS sum,
           sum((SELECT max(value::bigint) FROM jsonb_array_elements_text(amounts) AS value)) AS up_to,
           count(*) FILTER (WHERE credited_at IS NOT NULL) AS credited, sum(amount) FILTER (WHERE credited_at IS NOT NULL) AS credited_sum
    FROM offer_responses WHERE offer_id = ${offerId} GROUP BY currency, choice ORDER BY currency`;
  const byCurrency = new Map<string, CurrencySummary>();
  for (const row of rows) {
    let summary = byCurrency.get(row.currency);
    if (!summary) {
      summary = {
        currency: row.currency,
        offered: { count: 0, upTo: 0 },
        accepted: choices.map((choice, index) => ({ choiceId: creditChoiceId(index), label: describeChoice(choice), count: 0, sum: 0 })),
        declined: 0,
        noAnswer: 0,
        credited: { count: 0, sum: 0 },
      };
      byCurrency.set(row.currency, summary);
    }
    const count = Number(row.count);
    summary.offered.count += count;
    summary.offered.upTo += Number(row.up_to ?? 0);
    summary.credited.count += Number(row.credited);
    summary.credited.sum += Number(row.credited_sum ?? 0);
    if (row.choice === null) summary.noAnswer += count;
    else if (row.choice === "decline") summary.declined += count;
    else {
      const accepted = summary.accepted.find((entry) => entry.choiceId === row.choice);
      if (accepted) {
        accepted.count += count;
        accepted.sum += Number(row.sum ?? 0);
      }
    }
  }
  return [...byCurrency.values()];
}

export interface ResponseRow {
  customerId: string;
  email: string;
  name: string | null;
  company: string | null;
  externalId: string | null;
  stripeCustomerId: string | null;
  currency: string;
  choice: string | null;
  choiceLabel: string;
  amount: number | null;
  comment: string | null;
  respondedAt: Date | null;
  creditedAt: Date | null;
  billingReference: string | null;
  stripeError: string | null;
}

/** The responses, answered first (newest first), then the rest by email; `limit` for the admin page, none for the export. */
export async function listOfferResponses(offerId: string, storedChoices: unknown, limit?: number): Promise<ResponseRow[]> {
  const choices = storedChoicesSchema.parse(storedChoices);
  const labels = new Map<string, string>([
    ["decline", DECLINE_LABEL],
    ...choices.map((choice, index) => [creditChoiceId(index), describeChoice(choice)] as [string, string]),
  ]);
  const rows = await prisma.offerResponse.findMany({
    where: { offerId },
    include: { customer: { select: { email: true, name: true, company: true, externalId: true, stripeCustomerId: true } } },
    orderBy: [{ respondedAt: { sort: "desc", nulls: "last" } }, { customer: { email: "asc" } }],
    take: limit,
  });
  return rows.map((row) => ({
    customerId: row.customerId,
    email: row.customer.email,
    name: row.customer.name,
    company: row.customer.company,
    externalId: row.customer.externalId,
    stripeCustomerId: row.customer.stripeCustomerId,
    currency: row.currency,
    choice: row.choice,
    choiceLabel: row.choice ? (labels.get(row.choice) ?? row.choice) : "No answer",
    amount: row.amount,
    comment: row.comment,
    respondedAt: row.respondedAt,
    creditedAt: row.creditedAt,
    billingReference: row.billingReference,
    stripeError: row.stripeError,
  }));
}
