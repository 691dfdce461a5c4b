// Who an offer goes to and what each is offered: the audience's customers,
// each with their amounts from the one pure rule (amounts.ts).
import { prisma, type TransactionClient } from "../db";
import { audienceSchema, audienceWhere } from "../campaigns/audience";
import { customerOffer, type CreditChoice, type CustomerOffer } from "./amounts";

export interface OfferRecipient {
  id: string;
  email: string;
  name: string | null;
  firstName: string | null;
  company: string | null;
  plan: string | null;
  externalId: string | null;
  monthlyAmount: number | null;
  currency: string | null;
  offer: CustomerOffer;
}

/** Every customer of the audience with their amounts, ordered by email. One query, whatever the count. */
export async function listOfferRecipients(
  audience: unknown,
  choices: CreditChoice[],
  db: TransactionClient = prisma,
): Promise<OfferRecipient[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      email: string;
      name: string | null;
      first_name: string | null;
      company: string | null;
      plan: string | null;
      external_id: string | null;
      monthly_amount_cents: number | null;
      currency: string | null;
    }[]
  >`SELECT c.id, c.email, c.name, c.first_name, c.company, c.plan, c.external_id, c.monthly_amount_cents, c.currency
    FROM customers c WHERE ${audienceWhere(audienceSchema.parse(audience))} ORDER BY c.email`;
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    firstName: row.first_name,
    company: row.company,
    plan: row.plan,
    externalId: row.external_id,
    monthlyAmount: row.monthly_amount_cents,
    currency: row.currency,
    offer: customerOffer(choices, { monthlyAmount: row.monthly_amount_cents, currency: row.currency }),
  }));
}
