// The postmortem workflow's rules: draft → in review → published, with an
// optional second operator's approval. Pure: the caller loads the facts,
// applies the returned change and records it.
import type { PostmortemAction } from "./schemas";

export const POSTMORTEM_STATES = ["draft", "in_review", "published"] as const;
export type PostmortemState = (typeof POSTMORTEM_STATES)[number];
export const POSTMORTEM_STATE_LABELS: Record<PostmortemState, string> = { draft: "Draft", in_review: "In review", published: "Published" };

export interface WorkflowFacts {
  state: PostmortemState;
  currentRevision: number;
  publishedRevision: number | null;
  submittedById: string | null;
  approvedRevision: number | null;
  requireApproval: boolean;
  /** The current revision's Summary is empty or hidden. */
  summaryMissing: boolean;
  /** Lines imported from internal notes still in the current revision. */
  internalNoteMarks: number;
}

export interface WorkflowRequest {
  action: PostmortemAction;
  actorId: string;
  /** The revision the operator was looking at. */
  revision: number;
  confirmInternalNotes: boolean;
  now: Date;
}

export interface WorkflowChange {
  state: PostmortemState;
  submittedById?: string | null;
  approvedRevision?: number | null;
  approvedById?: string | null;
  publishedRevision?: number | null;
  publishedAt?: Date | null;
  firstPublished?: boolean;
}

export type WorkflowOutcome =
  { ok: true; change: WorkflowChange } | { ok: false; kind: "conflict" | "invalid"; message: string; field?: string };

const refuse = (kind: "conflict" | "invalid", message: string, field?: string): WorkflowOutcome => ({ ok: false, kind, message, field });

export function decideAction(facts: WorkflowFacts, request: WorkflowRequest): WorkflowOutcome {
  const { action } = request;
  if ((action === "submit" || action === "approve" || action === "publish") && request.revision !== facts.currentRevision) {
    return refuse(
      "conflict",
      `Revision ${facts.currentRevision} was saved after the one you are looking at (${request.revision}). Read it, then try again.`,
    );
  }
  switch (action) {
    case "submit":
      if (facts.state !== "draft")
        return refuse(
          "conflict",
          facts.state === "in_review" ? "It is already in review." : "It is published. Choose “Edit as a new revision” first.",
        );
      if (facts.summaryMissing)
        return refuse("invalid", "Write the Summary before asking for a review: it is what customers read first.", "summary");
      return { ok: true, change: { state: "in_review", submittedById: request.actorId, approvedRevision: null, approvedById: null } };
    case "approve":
      if (facts.state !== "in_review") return refuse("conflict", "Only a postmortem in review can be approved.");
      if (facts.submittedById === request.actorId)
        return refuse("conflict", "You asked for this review, so another operator must approve it.");
      return { ok: true, change: { state: "in_review", approvedRevision: facts.currentRevision, approvedById: request.actorId } };
    case "return_to_draft":
      if (facts.state !== "in_review") return refuse("conflict", "Only a postmortem in review can go back to draft.");
      return { ok: true, change: { state: "draft", approvedRevision: null, approvedById: null } };
    case "publish":
      if (facts.state === "draft")
        return refuse("conflict", "Ask for a review first (“Submit for review”); publishing follows from there.");
      if (facts.state === "published") return refuse("conflict", "It is already published.");
      if (facts.summaryMissing)
        return refuse("invalid", "Write the Summary before publishing: it is what customers read first.", "summary");
      if (facts.requireApproval && facts.approvedRevision !== facts.currentRevision) {
        return refuse(
          "conflict",
          `This page requires a second operator's approval before publishing. Ask another operator to approve revision ${facts.currentRevision}.`,
        );
      }
      if (facts.internalNoteMarks > 0 && !request.confirmInternalNotes) {
        const lines =
          facts.internalNoteMarks === 1
            ? "1 line imported from an internal note"
            : `${facts.internalNoteMarks} lines imported from internal notes`;
        return refuse(
          "invalid",
          `The text still has ${lines}, marked “(internal note)”. Remove them, or confirm that customers may read them.`,
          "confirmInternalNotes",
        );
      }
      return {
        ok: true,
        change: {
          state: "published",
          publishedRevision: facts.currentRevision,
          publishedAt: request.now,
          firstPublished: facts.publishedRevision === null,
        },
      };
    case "unpublish":
      if (facts.publishedRevision === null) return refuse("conflict", "It is not published.");
      return {
        ok: true,
        change: { state: facts.state === "published" ? "draft" : facts.state, publishedRevision: null, publishedAt: null },
      };
    case "reopen":
      if (facts.state !== "published")
        return refuse("conflict", "Only a published postmortem is reopened for a new revision; this one can be edited as it is.");
      return { ok: true, change: { state: "draft", submittedById: null, approvedRevision: null, approvedById: null } };
  }
}

export type SaveRefusal = { kind: "published"; message: string } | { kind: "stale" };

/** Why a save is refused (published, or based on an older revision), or null when it may go ahead. */
export function refuseSave(
  facts: Pick<WorkflowFacts, "state" | "currentRevision" | "publishedRevision">,
  baseRevision: number,
): SaveRefusal | null {
  if (facts.state === "published") {
    return {
      kind: "published",
      message: `This postmortem is published (customers read revision ${facts.publishedRevision}). Choose “Edit as a new revision” to change it; your text is still in the editor.`,
    };
  }
  return baseRevision === facts.currentRevision ? null : { kind: "stale" };
}
