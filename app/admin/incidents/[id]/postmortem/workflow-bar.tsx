"use client";

import { buttonClasses, FormMessage } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { countImportedNoteLines } from "@/lib/postmortems/prefill";
import type { PostmortemContent } from "@/lib/postmortems/sections";
import { POSTMORTEM_STATE_LABELS, type PostmortemState } from "@/lib/postmortems/workflow";
import { postmortemWorkflowAction } from "./actions";

export interface WorkflowView {
  state: PostmortemState;
  publishedRevision: number | null;
  requireApproval: boolean;
  submittedBy: { id: string; name: string } | null;
  approvedRevision: number | null;
  approvedByName: string | null;
  operatorId: string;
  canWrite: boolean;
}

const STATE_ICONS: Record<PostmortemState, string> = { draft: "✎", in_review: "◔", published: "✓" };

/** The workflow's next steps for what the editor last saved (`revision` null while unsaved). */
export function WorkflowBar({
  incidentId,
  revision,
  facts,
  content,
}: {
  incidentId: string;
  revision: number | null;
  facts: WorkflowView;
  content: PostmortemContent;
}) {
  const { state, formAction, isPending, errors } = useActionForm(postmortemWorkflowAction);
  const marks = countImportedNoteLines(content);
  const approved = facts.approvedRevision !== null && facts.approvedRevision === revision;
  const waiting = revision === null;
  const disabled = isPending || waiting;
  const button = (action: string, label: string, style: keyof typeof buttonClasses = "secondary") => (
    <button type="submit" name="action" value={action} className={buttonClasses[style]} disabled={disabled}>
      {label}
    </button>
  );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="revision" value={revision ?? ""} />
      <span className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2.5 py-0.5 text-sm font-medium dark:border-slate-600">
        <span aria-hidden="true">{STATE_ICONS[facts.state]}</span>
        {POSTMORTEM_STATE_LABELS[facts.state]}
      </span>
      {facts.state === "in_review" && (
        <span className="text-sm text-slate-600 dark:text-slate-300">
          {facts.submittedBy ? `Asked by ${facts.submittedBy.id === facts.operatorId ? "you" : facts.submittedBy.name}. ` : ""}
          {approved
            ? `Approved by ${facts.approvedByName ?? "another operator"}.`
            : facts.requireApproval
              ? "Needs another operator's approval."
              : ""}
        </span>
      )}
      {facts.publishedRevision !== null && facts.state !== "published" && (
        <span className="text-sm text-slate-600 dark:text-slate-300">
          Customers read revision {facts.publishedRevision} until you publish again.
        </span>
      )}
      {facts.canWrite && (
        <>
          {facts.state === "draft" && button("submit", "Submit for review", "primary")}
          {facts.state === "in_review" && (
            <>
              {facts.requireApproval &&
                !approved &&
                facts.submittedBy?.id !== facts.operatorId &&
                button("approve", `Approve revision ${revision ?? ""}`)}
              {marks > 0 && (
                <label className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="confirmInternalNotes" aria-invalid={Boolean(errors?.confirmInternalNotes)} />
                  Customers may read the {marks} imported internal-note {marks === 1 ? "line" : "lines"}
                </label>
              )}
              {button("return_to_draft", "Back to draft")}
              {button("publish", "Publish", "primary")}
            </>
          )}
          {facts.state === "published" && button("reopen", "Edit as a new revision", "primary")}
          {facts.publishedRevision !== null && button("unpublish", "Unpublish", "danger")}
        </>
      )}
      {waiting && facts.canWrite && <span className="text-xs text-slate-500 dark:text-slate-400">Saving first…</span>}
      <FormMessage state={state} />
    </form>
  );
}
