import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { AddNoteInput } from "./schemas";
import { assertUpdateTime } from "./timeline-rules";

/** An internal timeline entry: operators see it; no public page, feed, API or email ever does. */
export async function addInternalNote(actor: AuditActor, input: AddNoteInput, now = new Date()): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({
      where: { id: input.incidentId },
      select: { id: true, startedAt: true, createdAt: true },
    });
    if (!incident) throw new NotFoundError("That incident no longer exists.");
    const publishedAt = input.publishedAt ?? now;
    assertUpdateTime(publishedAt, new Date(Math.min(incident.startedAt.getTime(), incident.createdAt.getTime())), now);
    const note = await tx.incidentUpdate.create({
      data: { incidentId: incident.id, status: null, isInternal: true, message: input.message, publishedAt, authorId: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "incident.note_added",
      entityType: "incident",
      entityId: incident.id,
      after: { updateId: note.id, message: input.message, publishedAt },
    });
    return { id: note.id };
  });
}
