"use client";

import { CheckboxField, Field, FormMessage, buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { importSubscribersAction } from "./actions";

export function ImportSubscribersForm() {
  const { state, formAction, isPending, errors } = useActionForm(importSubscribersAction);
  return (
    <form action={formAction} className="space-y-4">
      <Field
        id="file"
        label="CSV file"
        errors={errors?.file ?? errors?.csv}
        hint="An “email” column; optionally “components” (names separated by “;”, empty for all)."
      >
        {(describedBy, invalid) => (
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className="block text-sm"
          />
        )}
      </Field>
      <CheckboxField
        name="hasConsent"
        label="These people consented to receive notices (no confirmation email; recorded in the audit log)"
      />
      <CheckboxField name="skipProblems" label="Skip rows with problems" />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Importing…" : "Import"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
