"use server";

import { formDataOf } from "@/lib/action-result";

import { unsubscribeCustomer } from "@/lib/customers/unsubscribe";
import { verifyUnsubscribe } from "@/lib/email/unsubscribe";
import { unsubscribeSubscriber } from "@/lib/subscribers/manage";

export async function unsubscribeAction(_previous: { ok: boolean; message: string } | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  const email = verifyUnsubscribe(String(formData.get("a") ?? ""), String(formData.get("t") ?? ""));
  if (!email) return { ok: false, message: "This link is not valid. Use the unsubscribe link at the end of a message from us." };
  await unsubscribeCustomer(email, "link");
  await unsubscribeSubscriber(email, "link");
  return { ok: true, message: `Done: ${email} gets no more of these emails.` };
}
