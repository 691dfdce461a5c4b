"use client";

import { useActionState } from "react";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { ActionResult } from "@/lib/action-result";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(acceptInvitationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
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
