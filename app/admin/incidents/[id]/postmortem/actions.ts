"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { runAction } from "../../../run-action";
import { changePostmortemState } from "@/lib/postmortems/change-state";
import { findRevision, type RevisionDetail } from "@/lib/postmortems/queries";
import { restorePostmortemRevision, savePostmortemRevision, type SaveResult } from "@/lib/postmortems/save-revision";
import {
  postmortemActionSchema,
  restoreRevisionSchema,
  revisionRequestSchema,
  savePostmortemSchema,
  startPostmortemSchema,
} from "@/lib/postmortems/schemas";
import { startPostmortem } from "@/lib/postmortems/start-postmortem";
import { NotFoundError } from "@/lib/errors";

const editorPath = (incidentId: string) => `/admin/incidents/${incidentId}/postmortem`;

export async function startPostmortemAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: startPostmortemSchema,
    formData,
    permission: "postmortems:write",
    work: startPostmortem,
    message: "Drafted.",
    revalidate: [],
    redirectTo: ({ incidentId }) => editorPath(incidentId),
  });
}

/** Called by the editor (autosave and "Save now"); a conflict comes back with the revision that won. */
export async function savePostmortemAction(sentFormData: unknown): Promise<ActionResult<SaveResult>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: savePostmortemSchema,
    formData,
    permission: "postmortems:write",
    work: savePostmortemRevision,
    message: "Saved.",
    revalidate: [editorPath(String(formData.get("incidentId")))],
    respond: (result) => result,
  });
}

export async function restoreRevisionAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: restoreRevisionSchema,
    formData,
    permission: "postmortems:write",
    work: restorePostmortemRevision,
    message: "Restored as a new revision.",
    revalidate: [],
    redirectTo: () => `${editorPath(String(formData.get("incidentId")))}?restored=${formData.get("revision")}`,
  });
}

const ACTION_MESSAGES = {
  submit: "Submitted for review.",
  approve: "Approved. It can be published now.",
  return_to_draft: "Back to draft.",
  publish: "Published. It is on the status page now.",
  unpublish: "Unpublished. Customers no longer see it.",
  reopen: "Editing a new revision; customers keep reading the published one until you publish again.",
} as const;

export async function postmortemWorkflowAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  const action = String(formData.get("action")) as keyof typeof ACTION_MESSAGES;
  return runAction({
    schema: postmortemActionSchema,
    formData,
    permission: "postmortems:write",
    work: changePostmortemState,
    message: ACTION_MESSAGES[action] ?? "Done.",
    revalidate: [editorPath(String(formData.get("incidentId"))), "/admin/incidents"],
  });
}

/** One revision's content, for the editor's conflict comparison. */
export async function loadRevisionAction(sentFormData: unknown): Promise<ActionResult<RevisionDetail>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: revisionRequestSchema,
    formData,
    permission: "admin:read",
    work: async (_operator, input) => {
      const revision = await findRevision(input.incidentId, input.revision);
      if (!revision) throw new NotFoundError(`There is no revision ${input.revision} of this postmortem.`);
      return revision;
    },
    message: "Loaded.",
    revalidate: [],
    respond: (revision) => revision,
  });
}
