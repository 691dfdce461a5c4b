import { prisma, type Prisma } from "../db";

export const SUBSCRIBER_STATES = ["pending", "confirmed", "unsubscribed", "bounced"] as const;
export type SubscriberStateName = (typeof SUBSCRIBER_STATES)[number];
export const SUBSCRIBER_PAGE_SIZE = 50;

export interface SubscriberRow {
  id: string;
  email: string;
  state: SubscriberStateName;
  components: string[];
  isImported: boolean;
  createdAt: Date;
}

/** How many subscribers are in each state (pending ones past their 48 h are not counted: they are forgotten). */
export async function countSubscribersByState(now = new Date()): Promise<Record<SubscriberStateName, number>> {
  const groups = await prisma.subscriber.groupBy({
    by: ["state"],
    _count: { _all: true },
    where: { OR: [{ state: { not: "PENDING" } }, { confirmExpiresAt: { gte: now } }] },
  });
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 };
  for (const group of groups) counts[group.state.toLowerCase() as SubscriberStateName] = group._count._all;
  return counts;
}

export async function listSubscribers(filter: {
  search?: string;
  state?: SubscriberStateName;
  page?: number;
}): Promise<{ rows: SubscriberRow[]; total: number }> {
  const where: Prisma.SubscriberWhereInput = {
    ...(filter.search ? { email: { contains: filter.search.toLowerCase() } } : {}),
    ...(filter.state ? { state: filter.state.toUpperCase() as "PENDING" } : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.subscriber.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * SUBSCRIBER_PAGE_SIZE,
      take: SUBSCRIBER_PAGE_SIZE,
      include: { components: { include: { component: { select: { name: true } } } } },
    }),
    prisma.subscriber.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      email: row.email,
      state: row.state.toLowerCase() as SubscriberStateName,
      components: row.allComponents ? [] : row.components.map((link) => link.component.name),
      isImported: row.importedById !== null,
      createdAt: row.createdAt,
    })),
  };
}
