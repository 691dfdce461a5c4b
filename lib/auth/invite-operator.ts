import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import { getEnv } from "../env";
import { ConflictError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashToken } from "./queries";
import { revokeOpenInvitations } from "./revoke-open-invitations";
import { toDatabaseRole } from "./roles";
import type { InviteOperatorInput } from "./schemas";

export const INVITATION_DAYS = 7;

/**
 * Creates an invitation and returns its link. The token is shown once and
 * stored only as a hash, so a leaked database does not let anyone join.
 */
export async function inviteOperator(actor: AuditActor, input: InviteOperatorInput): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError(`${input.email} is already an operator.`);
    }
    // A new invitation replaces older ones: the old link (perhaps for a higher role) stops working.
    const replaced = await revokeOpenInvitations(tx, input.email);
    const invitation = await tx.invitation.create({
      data: { email: input.email, role: toDatabaseRole(input.role), tokenHash: hashToken(token), invitedById: actor.id, expiresAt },
    });
    await recordAudit(tx, actor, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: input.email, role: input.role, expiresAt, revokedOpenInvitations: replaced },
    });
  });
  return { url: `${getEnv().PUBLIC_URL}/invite/${token}`, expiresAt };
}
