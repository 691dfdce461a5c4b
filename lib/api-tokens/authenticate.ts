import { prisma } from "../db";
import { UnauthenticatedError } from "../errors";
import type { AuditActor } from "../audit/record-audit";
import { hashToken } from "../auth/queries";
import { toOperatorRole } from "../auth/roles";
import type { ApiTokenRole } from "./schemas";

/** Who is calling the API: the token, acting for the operator who created it. */
export interface TokenActor extends AuditActor {
  apiToken: { id: string; name: string };
  role: ApiTokenRole;
}

// Writing last-used on every request would turn each read into a write; a minute is precise enough.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The actor for an `Authorization: Bearer <token>` header. Throws
 * UnauthenticatedError for a missing, unknown, expired or revoked token.
 */
export async function authenticateApiToken(authorization: string | null, now = new Date()): Promise<TokenActor> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization?.trim() ?? "");
  if (!match) throw new UnauthenticatedError("Send an API token: Authorization: Bearer <token> (Admin → API tokens).");
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    include: { createdBy: { select: { email: true } } },
  });
  if (!row) throw new UnauthenticatedError("This API token is not known. Create one in Admin → API tokens.");
  if (row.revokedAt) throw new UnauthenticatedError("This API token was revoked. Create a new one in Admin → API tokens.");
  if (row.expiresAt && row.expiresAt <= now)
    throw new UnauthenticatedError("This API token has expired. Create a new one in Admin → API tokens.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    id: row.createdById,
    email: row.createdBy.email,
    apiToken: { id: row.id, name: row.name },
    role: toOperatorRole(row.role) as ApiTokenRole,
  };
}
