import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export async function revokeInvitation(actor: AuditActor, invitationId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateManyAndReturn({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!revoked[0]) throw new NotFoundError("That invitation is already used or revoked.");
    await recordAudit(tx, actor, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitationId,
      before: { email: revoked[0].email },
    });
  });
}
