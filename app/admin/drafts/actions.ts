"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { dismissDraft } from "@/lib/drafts/dismiss-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { draftIdSchema, publishDraftSchema } from "@/lib/drafts/schemas";
import { runAction } from "../run-action";

export async function publishDraftAction(_previous: ActionResult<{ incidentId: string }> | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: publishDraftSchema,
    formData,
    permission: "incidents:write",
    work: publishDraft,
    message: "Published. It is on the status page now.",
    respond: ({ incidentId }) => ({ incidentId }),
  });
}

export async function dismissDraftAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: draftIdSchema,
    formData,
    permission: "incidents:write",
    work: (operator, input) => dismissDraft(operator, input.draftId),
    message: "Dismissed.",
    revalidate: [],
  });
}
