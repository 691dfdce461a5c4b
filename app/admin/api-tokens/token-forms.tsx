"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

const ROLE_OPTIONS = [
  { value: "responder", label: "Responder (reads and writes)" },
  { value: "viewer", label: "Viewer (reads only)" },
];

export function CreateApiTokenForm() {
  const { state, formAction, isPending, errors, values } = useActionForm(createApiTokenAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label="Name" autoComplete="off" required defaultValue={values?.name} errors={errors?.name} />
        <SelectField
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          defaultValue={values?.role ?? "responder"}
          errors={errors?.role}
          hint="Responders change incidents, components, maintenance and the banner; viewers only read."
        />
        <TextField
          name="expiresOn"
          label="Expires after (optional)"
          type="date"
          hint="UTC; empty for no expiry."
          defaultValue={values?.expiresOn}
          errors={errors?.expiresOn}
        />
      </div>
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Creating…" : "Create token"}
      </button>
      <FormMessage state={state} />
      {state?.ok && (
        <div>
          <label htmlFor="new-api-token" className="block text-sm font-medium">
            New token (shown once)
          </label>
          <input
            id="new-api-token"
            readOnly
            value={state.data.token}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}

export function RevokeApiTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(revokeApiTokenAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke ${name}? Whatever uses it stops working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        className="text-sm font-semibold text-red-700 underline dark:text-red-400"
        disabled={isPending}
        aria-label={`Revoke ${name}`}
      >
        Revoke
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
