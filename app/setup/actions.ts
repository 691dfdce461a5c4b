"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getAuth } from "@/lib/auth/auth";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { newOperatorSchema } from "@/lib/auth/schemas";

export async function createFirstAdminAction(_previous: ActionResult | null, sentFormData: unknown): Promise<ActionResult> {
  const formData = formDataOf(sentFormData);
  const parsed = newOperatorSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    await createFirstAdmin(parsed.data);
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    return toActionFailure(error, formData);
  }
  redirect("/admin");
}
