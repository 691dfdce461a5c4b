import { prisma, type Prisma } from "../db";

export interface CustomerListItem {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  externalId: string | null;
  plan: string | null;
  monthlyAmountCents: number | null;
  currency: string | null;
  tags: string[];
  components: string[];
  unsubscribedAt: Date | null;
  bouncedAt: Date | null;
}

export const CUSTOMER_PAGE_SIZE = 50;

export async function listCustomers({
  search = "",
  page = 1,
}: {
  search?: string;
  page?: number;
}): Promise<{ items: CustomerListItem[]; total: number }> {
  const term = search.trim();
  const where: Prisma.CustomerWhereInput = term
    ? {
        OR: [
          { email: { contains: term, mode: "insensitive" } },
          { name: { contains: term, mode: "insensitive" } },
          { company: { contains: term, mode: "insensitive" } },
          { externalId: term },
        ],
      }
    : {};
  const [rows, total] = await Promise.all([
    prisma.customer.findMany({
      where,
      orderBy: { email: "asc" },
      skip: (page - 1) * CUSTOMER_PAGE_SIZE,
      take: CUSTOMER_PAGE_SIZE,
      include: { components: { include: { component: { select: { name: true } } } } },
    }),
    prisma.customer.count({ where }),
  ]);
  return { items: rows.map(({ components, ...row }) => ({ ...row, components: components.map((link) => link.component.name) })), total };
}

/** Distinct plans and tags in use, for the audience filters. */
export async function listPlansAndTags(): Promise<{ plans: string[]; tags: string[] }> {
  const [plans, tags] = await Promise.all([
    prisma.$queryRaw<{ plan: string }[]>`SELECT DISTINCT plan FROM customers WHERE plan IS NOT NULL ORDER BY plan LIMIT 500`,
    prisma.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM customers ORDER BY tag LIMIT 500`,
  ]);
  return { plans: plans.map((row) => row.plan), tags: tags.map((row) => row.tag) };
}

/** One customer with the components they use, for the edit form; null when the id is unknown. */
export async function findCustomer(id: string) {
  if (id.length > 64) return null;
  const customer = await prisma.customer.findUnique({ where: { id }, include: { components: { select: { componentId: true } } } });
  return customer && { ...customer, componentIds: customer.components.map((link) => link.componentId) };
}
