// Who a campaign goes to: customers matching every filter that is set (any
// of the listed values within one filter), never the unsubscribed or bounced.
import { z } from "zod";
import { prisma, Prisma } from "../db";

export const audienceSchema = z.object({
  componentIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  plans: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
  tags: z.array(z.string().trim().min(1).max(40)).max(100).default([]),
  /** Emails or account ids of the affected customers (an uploaded or pasted list). */
  accounts: z.array(z.string().trim().min(1).max(254)).max(200_000).default([]),
});

export type Audience = z.infer<typeof audienceSchema>;

export function audienceWhere(audience: Audience): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.unsubscribed_at IS NULL`, Prisma.sql`c.bounced_at IS NULL`];
  if (audience.componentIds.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM customer_components cc WHERE cc.customer_id = c.id AND cc.component_id = ANY(${audience.componentIds}::text[]))`,
    );
  }
  if (audience.plans.length) conditions.push(Prisma.sql`c.plan = ANY(${audience.plans}::text[])`);
  if (audience.tags.length) conditions.push(Prisma.sql`c.tags && ${audience.tags}::text[]`);
  if (audience.accounts.length) {
    const lowered = audience.accounts.map((account) => account.toLowerCase());
    conditions.push(Prisma.sql`(c.email = ANY(${lowered}::text[]) OR c.external_id = ANY(${audience.accounts}::text[]))`);
  }
  return Prisma.join(conditions, " AND ");
}

export async function countAudience(audience: Audience): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM customers c WHERE ${audienceWhere(audience)}`;
  return Number(row!.count);
}

export interface AudienceMember {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  plan: string | null;
}

export async function listAudience(audience: Audience, { offset = 0, limit = 50 } = {}): Promise<AudienceMember[]> {
  return prisma.$queryRaw<AudienceMember[]>`
    SELECT c.id, c.email, c.name, c.company, c.plan FROM customers c WHERE ${audienceWhere(audience)} ORDER BY c.email LIMIT ${limit} OFFSET ${offset}`;
}
