"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { createIncidentTemplate, deleteIncidentTemplate } from "@/lib/incidents/templates";
import { templateSchema } from "@/lib/incidents/schemas";
import { deleteSchema } from "@/lib/components/schemas";

export async function createTemplateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = templateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    await createIncidentTemplate(operator, parsed.data);
    revalidatePath("/admin/templates");
    return { ok: true, data: undefined, message: `Template “${parsed.data.name}” saved.` };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function deleteTemplateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = deleteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    await deleteIncidentTemplate(operator, parsed.data.id);
    revalidatePath("/admin/templates");
    return { ok: true, data: undefined, message: "Template deleted." };
  } catch (error) {
    return toActionFailure(error);
  }
}
