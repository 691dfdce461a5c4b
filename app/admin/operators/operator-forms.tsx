"use client";

import { useActionForm } from "@/components/use-action-form";
import { startTransition, useActionState, useState } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import type { ActionResult } from "@/lib/action-result";
import { OPERATOR_ROLES, ROLE_LABELS, type OperatorRole } from "@/lib/auth/roles";
import { changeRoleAction, inviteOperatorAction, removeOperatorAction, revokeInvitationAction } from "./actions";

const ROLE_OPTIONS = OPERATOR_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function InviteOperatorForm() {
  const { state, formAction, isPending, errors, values } = useActionForm(inviteOperatorAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          required
          defaultValue={values?.email}
          errors={errors?.email}
        />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue={values?.role ?? "responder"} errors={errors?.role} />
      </div>
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Creating…" : "Create invitation link"}
      </button>
      <FormMessage state={state} />
      {state?.ok && (
        <div>
          <label htmlFor="invitation-url" className="block text-sm font-medium">
            Invitation link
          </label>
          <input
            id="invitation-url"
            readOnly
            value={state.data.url}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}

export function ChangeRoleForm({ operatorId, role, name }: { operatorId: string; role: OperatorRole; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(changeRoleAction, null);
  // Submitted without the form `action` prop, so React does not reset the
  // select to its first value after saving; a refused change shows the saved role again.
  const [selected, setSelected] = useState<string>(role);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state && !state.ok) setSelected(role);
  }
  const selectId = `role-${operatorId}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => formAction(formData));
      }}
    >
      <input type="hidden" name="operatorId" value={operatorId} />
      <label htmlFor={selectId} className="sr-only">
        Role of {name}
      </label>
      <select
        id={selectId}
        name="role"
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" className={`${buttonClasses.secondary} px-2 py-1`} disabled={isPending} aria-label={`Save role of ${name}`}>
        Save
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveOperatorForm({ operatorId, name }: { operatorId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(removeOperatorAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${name}? They are signed out everywhere at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="operatorId" value={operatorId} />
      <button
        type="submit"
        className="text-sm font-semibold text-red-700 underline dark:text-red-400"
        disabled={isPending}
        aria-label={`Remove ${name}`}
      >
        Remove
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}

export function RevokeInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(revokeInvitationAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <button
        type="submit"
        className="text-sm font-semibold text-red-700 underline dark:text-red-400"
        disabled={isPending}
        aria-label={`Revoke the invitation for ${email}`}
      >
        Revoke
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
