import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { hashOperatorPassword, insertCredentialUser } from "./credential-user";
import { hashToken } from "./queries";
import { revokeOpenInvitations } from "./revoke-open-invitations";
import { toOperatorRole } from "./roles";
import type { AcceptInvitationInput } from "./schemas";

const GONE = "This invitation link is no longer valid (used, revoked or expired). Ask an admin for a new one.";

/** Turns an open invitation into an operator with the invited role. Single use. */
export async function acceptInvitation(input: AcceptInvitationInput): Promise<{ email: string }> {
  const passwordHash = await hashOperatorPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    // Marking it accepted first, conditionally, makes a double submit fail instead of creating twice.
    const claimed = await tx.invitation.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    const invitation = claimed[0];
    if (!invitation) throw new NotFoundError(GONE);
    await revokeOpenInvitations(tx, invitation.email, invitation.id);
    const operator = await insertCredentialUser(tx, {
      email: invitation.email,
      name: input.name,
      passwordHash,
      role: toOperatorRole(invitation.role),
    });
    await recordAudit(tx, operator, {
      action: "operator.created",
      entityType: "operator",
      entityId: operator.id,
      after: { email: operator.email, name: operator.name, role: operator.role, via: "invitation", invitationId: invitation.id },
    });
    return { email: operator.email };
  });
}
