import { prisma } from "../db";
import { toOperatorRole } from "../auth/roles";
import type { ApiTokenRole } from "./schemas";

export interface ApiTokenView {
  id: string;
  name: string;
  role: ApiTokenRole;
  prefix: string;
  createdByEmail: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function listApiTokens(): Promise<ApiTokenView[]> {
  const rows = await prisma.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: toOperatorRole(row.role) as ApiTokenRole,
    prefix: row.prefix,
    createdByEmail: row.createdBy.email,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  }));
}
