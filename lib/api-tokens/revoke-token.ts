import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Revokes a token at once; idempotent (revoking a revoked token changes nothing). */
export async function revokeApiToken(actor: AuditActor, tokenId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { name: true, revokedAt: true } });
    if (!token) throw new NotFoundError("That token no longer exists.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    await recordAudit(tx, actor, { action: "api_token.revoked", entityType: "api_token", entityId: tokenId, before: { name: token.name } });
  });
}
