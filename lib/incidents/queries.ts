import { prisma } from "../db";

export interface RecentIncident {
  id: string;
  title: string;
  status: string;
  startedAt: Date;
  resolvedAt: Date | null;
  latestMessage: string | null;
}

/** Incidents that started in the last `days` days, newest first, with their latest public update. */
export async function listRecentIncidents(days = 14, now = new Date()): Promise<RecentIncident[]> {
  const incidents = await prisma.incident.findMany({
    where: { startedAt: { gte: new Date(now.getTime() - days * 86_400_000) } },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: {
      id: true,
      title: true,
      status: true,
      startedAt: true,
      resolvedAt: true,
      updates: { orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 1, select: { message: true } },
    },
  });
  return incidents.map(({ updates, status, ...incident }) => ({
    ...incident,
    status: status.toLowerCase(),
    latestMessage: updates[0]?.message ?? null,
  }));
}
