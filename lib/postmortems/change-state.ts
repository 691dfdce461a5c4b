import { prisma } from "../db";
import { ConflictError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { countImportedNoteLines } from "./prefill";
import { fromDbPostmortemState, lockPostmortem, toContent, toDbPostmortemState } from "./queries";
import { visibleSections } from "./sections";
import type { PostmortemActionInput } from "./schemas";
import { decideAction, type PostmortemState } from "./workflow";
import { queueSubscriberNotice } from "../subscribers/notify";

/** Submit, approve, return to draft, publish, unpublish or reopen, by the workflow's rules; audited. */
export async function changePostmortemState(
  actor: AuditActor,
  input: PostmortemActionInput,
  now = new Date(),
): Promise<{ state: PostmortemState }> {
  return prisma.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, input.incidentId);
    const revision = await tx.postmortemRevision.findUniqueOrThrow({
      where: { postmortemId_number: { postmortemId: postmortem.id, number: postmortem.currentRevision } },
    });
    const settings = await tx.pageSettings.findUnique({ where: { id: 1 }, select: { requirePostmortemApproval: true } });
    const content = toContent(revision);
    const before = fromDbPostmortemState(postmortem.state);
    const outcome = decideAction(
      {
        state: before,
        currentRevision: postmortem.currentRevision,
        publishedRevision: postmortem.publishedRevision,
        submittedById: postmortem.submittedById,
        approvedRevision: postmortem.approvedRevision,
        requireApproval: settings?.requirePostmortemApproval ?? false,
        // Hidden or empty: either way not something customers would read.
        summaryMissing: !visibleSections(content).some((section) => section.key === "summary"),
        internalNoteMarks: countImportedNoteLines(content),
      },
      { action: input.action, actorId: actor.id, revision: input.revision, confirmInternalNotes: input.confirmInternalNotes, now },
    );
    if (!outcome.ok) {
      if (outcome.kind === "invalid")
        throw new ValidationError(outcome.message, outcome.field ? { [outcome.field]: [outcome.message] } : {});
      throw new ConflictError(outcome.message);
    }
    const { change } = outcome;
    await tx.postmortem.update({
      where: { id: postmortem.id },
      data: {
        state: toDbPostmortemState(change.state),
        submittedById: change.submittedById,
        approvedRevision: change.approvedRevision,
        approvedById: change.approvedById,
        publishedRevision: change.publishedRevision,
        publishedAt: change.publishedAt,
        ...(change.firstPublished ? { firstPublishedAt: now } : {}),
      },
    });
    if (change.firstPublished) {
      await queueSubscriberNotice(tx, {
        event: "postmortem.published",
        incidentId: input.incidentId,
        message:
          "We have published the postmortem of this incident: what happened, why, and what we are changing so it does not happen again.",
      });
    }
    await recordAudit(tx, actor, {
      action: `postmortem.${input.action}`,
      entityType: "postmortem",
      entityId: postmortem.id,
      before: { state: before, publishedRevision: postmortem.publishedRevision },
      after: {
        state: change.state,
        revision: postmortem.currentRevision,
        publishedRevision: change.publishedRevision === undefined ? postmortem.publishedRevision : change.publishedRevision,
      },
    });
    return { state: change.state };
  });
}
