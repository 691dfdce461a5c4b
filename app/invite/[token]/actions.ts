"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { getAuth } from "@/lib/auth/auth";
import { acceptInvitationSchema } from "@/lib/auth/schemas";

export async function acceptInvitationAction(_previous: ActionResult | null, sentFormData: unknown): Promise<ActionResult> {
  const formData = formDataOf(sentFormData);
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const { email } = await acceptInvitation(parsed.data);
    await getAuth().api.signInEmail({ body: { email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    return toActionFailure(error, formData);
  }
  redirect("/admin");
}
