import { prisma, type TransactionClient } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { findRevision, fromDbPostmortemState, lockPostmortem, toContent, toRevisionData } from "./queries";
import type { PostmortemContent } from "./sections";
import type { RestoreRevisionInput, SavePostmortemInput } from "./schemas";
import { refuseSave } from "./workflow";

/** A save based on an older revision than the newest: shown to the operator, never overwritten silently. */
export class RevisionConflictError extends ConflictError {
  constructor(
    message: string,
    readonly latestRevision: number,
  ) {
    super(message);
    this.details = { latestRevision };
  }
}

export interface SaveResult {
  revision: number;
  /** False when the content equalled the current revision's: nothing was written. */
  saved: boolean;
}

/** Saves the editor's content as a new revision: every save is one, and none is ever changed. */
export async function savePostmortemRevision(actor: AuditActor, input: SavePostmortemInput): Promise<SaveResult> {
  return prisma.$transaction((tx) => addRevision(tx, actor, input.incidentId, input.baseRevision, input.content, null));
}

/** Makes an earlier revision's text the newest revision again; later revisions stay in the history. */
export async function restorePostmortemRevision(actor: AuditActor, input: RestoreRevisionInput): Promise<SaveResult> {
  const restored = await findRevision(input.incidentId, input.revision);
  if (!restored) throw new NotFoundError(`There is no revision ${input.revision} of this postmortem.`);
  return prisma.$transaction((tx) =>
    addRevision(tx, actor, input.incidentId, input.baseRevision, restored.content, `Restored from revision ${input.revision}`),
  );
}

async function addRevision(
  tx: TransactionClient,
  actor: AuditActor,
  incidentId: string,
  baseRevision: number,
  content: PostmortemContent,
  note: string | null,
): Promise<SaveResult> {
  // Two saves at once: the second waits here and then sees the first's revision.
  const postmortem = await lockPostmortem(tx, incidentId);
  const refusal = refuseSave(
    {
      state: fromDbPostmortemState(postmortem.state),
      currentRevision: postmortem.currentRevision,
      publishedRevision: postmortem.publishedRevision,
    },
    baseRevision,
  );
  if (refusal?.kind === "published") throw new ConflictError(refusal.message);
  const latest = await tx.postmortemRevision.findUniqueOrThrow({
    where: { postmortemId_number: { postmortemId: postmortem.id, number: postmortem.currentRevision } },
    include: { author: { select: { name: true } } },
  });
  if (refusal?.kind === "stale") {
    const who = latest.author?.name ?? "Another operator";
    throw new RevisionConflictError(
      `${who} saved revision ${latest.number} at ${latest.createdAt.toISOString().slice(11, 16)} UTC, after the revision you started from (${baseRevision}). Your text is kept here: compare it with theirs, then keep yours or take theirs.`,
      latest.number,
    );
  }
  if (note === null && sameContent(toContent(latest), content)) return { revision: latest.number, saved: false };
  const number = postmortem.currentRevision + 1;
  await tx.postmortemRevision.create({
    data: { postmortemId: postmortem.id, number, ...toRevisionData(content), note, authorId: actor.id },
  });
  await tx.postmortem.update({ where: { id: postmortem.id }, data: { currentRevision: number } });
  await recordAudit(tx, actor, {
    action: note ? "postmortem.restored" : "postmortem.revised",
    entityType: "postmortem",
    entityId: postmortem.id,
    after: { incidentId, revision: number, ...(note ? { note } : {}) },
  });
  return { revision: number, saved: true };
}

function sameContent(a: PostmortemContent, b: PostmortemContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
