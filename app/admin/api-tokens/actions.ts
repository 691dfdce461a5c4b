"use server";

import { revalidatePath } from "next/cache";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { apiTokenIdSchema, createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { requireOperator } from "@/lib/auth/session";
import { runAction } from "../run-action";

export async function createApiTokenAction(
  _previous: ActionResult<{ token: string }> | null,
  sentFormData: unknown,
): Promise<ActionResult<{ token: string }>> {
  const formData = formDataOf(sentFormData);
  const parsed = createApiTokenSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("api-tokens:manage");
    const { token } = await createApiToken(operator, parsed.data);
    revalidatePath("/admin/api-tokens");
    return { ok: true, data: { token }, message: `Token “${parsed.data.name}” created. Copy it now: it is not shown again.` };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function revokeApiTokenAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: apiTokenIdSchema,
    formData,
    permission: "api-tokens:manage",
    work: (operator, input) => revokeApiToken(operator, input.tokenId),
    message: "Revoked. Requests with it are refused from now on.",
    revalidate: ["/admin/api-tokens"],
  });
}
