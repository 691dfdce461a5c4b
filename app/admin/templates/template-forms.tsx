"use client";

import { useActionForm } from "@/components/use-action-form";
import { useActionState } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import type { ActionResult } from "@/lib/action-result";
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS } from "@/lib/incidents/constants";
import { createTemplateAction, deleteTemplateAction } from "./actions";

export function CreateTemplateForm() {
  const { state, formAction, isPending, errors, values } = useActionForm(createTemplateAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        name="name"
        label="Template name"
        required
        defaultValue={values?.name}
        errors={errors?.name}
        hint="How operators find it, e.g. “Database degraded”."
      />
      <TextField name="title" label="Incident title" required defaultValue={values?.title} errors={errors?.title} />
      <SelectField
        name="status"
        label="Status"
        options={INCIDENT_STATUSES.map((status) => ({ value: status, label: INCIDENT_STATUS_LABELS[status] }))}
        defaultValue={values?.status}
        errors={errors?.status}
      />
      <TextAreaField name="message" label="Message" required defaultValue={values?.message} errors={errors?.message} />
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        Save template
      </button>
    </form>
  );
}

export function DeleteTemplateForm({ id, name }: { id: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(deleteTemplateAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="text-sm font-semibold text-red-700 underline dark:text-red-400"
        disabled={isPending}
        aria-label={`Delete template ${name}`}
      >
        Delete
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
