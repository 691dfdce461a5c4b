"use client";

import { useActionForm } from "@/components/use-action-form";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { NewPasswordFields } from "@/components/new-password-fields";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const { state, formAction, isPending, errors, values } = useActionForm(createFirstAdminAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={values?.name} errors={errors?.name} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values?.email}
        errors={errors?.email}
      />
      <NewPasswordFields label="Password" errors={errors} />
      <FormMessage state={state} />
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={isPending}>
        {isPending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
