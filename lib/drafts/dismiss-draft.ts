import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { announceDraftsChanged } from "./live";

/** Sets a draft aside without publishing anything; its alert's next firing after resolution proposes a new one. */
export async function dismissDraft(actor: AuditActor, draftId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const draft = await tx.draft.findUnique({ where: { id: draftId }, select: { state: true, title: true } });
    if (!draft) throw new NotFoundError("That draft no longer exists.");
    if (draft.state !== "OPEN") throw new ConflictError("This draft was already decided.");
    await tx.draft.update({ where: { id: draftId }, data: { state: "DISMISSED", decidedAt: now } });
    await recordAudit(tx, actor, { action: "draft.dismissed", entityType: "draft", entityId: draftId, before: { title: draft.title } });
  });
  announceDraftsChanged();
}
