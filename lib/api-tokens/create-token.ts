import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import { ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashToken } from "../auth/queries";
import { toDatabaseRole } from "../auth/roles";
import type { CreateApiTokenInput } from "./schemas";

export const TOKEN_PREFIX = "candor_";

/**
 * Creates an API token and returns it: the only time it is shown. Only its
 * SHA-256 is stored (the token carries 192 random bits, so a plain hash is
 * enough), so a leaked database does not give anyone API access.
 */
export async function createApiToken(
  actor: AuditActor,
  input: CreateApiTokenInput,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  // The token is valid through the whole chosen day (UTC).
  const expiresAt = input.expiresOn ? new Date(Date.parse(`${input.expiresOn}T00:00:00Z`) + 86_400_000) : null;
  if (expiresAt && expiresAt <= now)
    throw new ValidationError("Choose a date in the future.", { expiresOn: ["Choose a date in the future."] });
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const id = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        role: toDatabaseRole(input.role),
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 4),
        createdById: actor.id,
        expiresAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: { name: input.name, role: input.role, expiresAt },
    });
    return row.id;
  });
  return { id, token, expiresAt };
}
