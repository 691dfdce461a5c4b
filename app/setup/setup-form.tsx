"use client";

import { useActionState } from "react";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { ActionResult } from "@/lib/action-result";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(createFirstAdminAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={values?.name} errors={errors?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <NewPasswordFields label="Password" errors={errors} />
      <FormMessage state={state} />
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={isPending}>
        {isPending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
