"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { addWebhook, removeWebhook, sendTestEvent, setWebhookEnabled } from "@/lib/webhooks/manage-webhooks";
import { addWebhookSchema, webhookIdSchema } from "@/lib/webhooks/schemas";
import { runAction } from "../run-action";

export async function addWebhookAction(
  _previous: ActionResult<{ secret: string }> | null,
  sentFormData: unknown,
): Promise<ActionResult<{ secret: string }>> {
  const formData = formDataOf(sentFormData);
  const parsed = addWebhookSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("webhooks:manage");
    const { secret } = await addWebhook(operator, parsed.data);
    revalidatePath("/admin/webhooks");
    return { ok: true, data: { secret }, message: "Webhook added. Copy its signing secret now: it is not shown again." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function sendTestEventAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: webhookIdSchema,
    formData,
    permission: "webhooks:manage",
    work: sendTestEvent,
    message: "Test event queued. Its delivery appears in the log below within seconds.",
    revalidate: ["/admin/webhooks"],
  });
}

export async function setWebhookEnabledAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: webhookIdSchema.extend({ isEnabled: z.enum(["true", "false"]).transform((value) => value === "true") }),
    formData,
    permission: "webhooks:manage",
    work: setWebhookEnabled,
    message: "Saved.",
    revalidate: ["/admin/webhooks"],
  });
}

export async function removeWebhookAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: webhookIdSchema,
    formData,
    permission: "webhooks:manage",
    work: removeWebhook,
    message: "Removed.",
    revalidate: ["/admin/webhooks"],
  });
}
