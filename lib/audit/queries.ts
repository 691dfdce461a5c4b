import { prisma, type Prisma } from "../db";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditListEntry {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function listAuditEntries(filter: AuditFilter): Promise<{ entries: AuditListEntry[]; hasMore: boolean }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.operator ? { actorId: filter.operator } : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, actorEmail: true, action: true, entityType: true, entityId: true, before: true, after: true },
  });
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await prisma.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } });
  return rows.map((row) => row.entityType);
}
