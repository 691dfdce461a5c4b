"use client";

import { useActionForm } from "@/components/use-action-form";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { NewPasswordFields } from "@/components/new-password-fields";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { state, formAction, isPending, errors, values } = useActionForm(acceptInvitationAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={values?.name} errors={errors?.name} />
      <NewPasswordFields label="Choose a password" errors={errors} />
      <FormMessage state={state} />
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={isPending}>
        {isPending ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
