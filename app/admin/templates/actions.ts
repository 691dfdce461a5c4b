"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { deleteSchema } from "@/lib/components/schemas";
import { templateSchema } from "@/lib/incidents/schemas";
import { createIncidentTemplate, deleteIncidentTemplate } from "@/lib/incidents/templates";
import { runAction } from "../run-action";

export async function createTemplateAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: templateSchema,
    formData,
    permission: "incidents:write",
    work: createIncidentTemplate,
    message: "Template saved.",
    revalidate: ["/admin/templates"],
  });
}

export async function deleteTemplateAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: deleteSchema,
    formData,
    permission: "incidents:write",
    work: (operator, input) => deleteIncidentTemplate(operator, input.id),
    message: "Template deleted.",
    revalidate: ["/admin/templates"],
  });
}
