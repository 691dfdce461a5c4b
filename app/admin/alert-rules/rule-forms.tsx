"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS } from "@/lib/components/constants";
import { IMPACT_LABELS } from "@/lib/incidents/constants";
import { createAlertRuleAction, deleteAlertRuleAction } from "./actions";

const IMPACT_OPTIONS = (Object.keys(IMPACT_LABELS) as (keyof typeof IMPACT_LABELS)[]).map((impact) => ({
  value: impact,
  label: IMPACT_LABELS[impact],
}));
const STATUS_OPTIONS = COMPONENT_STATUSES.filter((status) => status !== "operational").map((status) => ({
  value: status,
  label: COMPONENT_STATUS_LABELS[status],
}));

export function CreateAlertRuleForm({ components }: { components: { id: string; name: string }[] }) {
  const { state, formAction, isPending, errors, values } = useActionForm(createAlertRuleAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" required defaultValue={values?.name} errors={errors?.name} />
        <TextField
          name="matchLabels"
          label="When the alert's labels are"
          placeholder="service=api, env=production"
          defaultValue={values?.matchLabels}
          errors={errors?.matchLabels}
          hint="name=value pairs, all must match. Empty matches every alert."
        />
        <TextField
          name="severityImpacts"
          label="Severity to impact"
          placeholder="critical=major, warning=minor"
          defaultValue={values?.severityImpacts ?? "critical=major, warning=minor"}
          errors={errors?.severityImpacts}
          hint="The alert's severity label, mapped to none, minor, major or critical."
        />
        <SelectField
          name="defaultImpact"
          label="Impact otherwise"
          options={IMPACT_OPTIONS}
          defaultValue={values?.defaultImpact ?? "minor"}
          errors={errors?.defaultImpact}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Affected components</legend>
        {components.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">No components yet.</p>}
        <div className="flex flex-wrap gap-3">
          {components.map((component) => (
            <label key={component.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="componentIds" value={component.id} />
              {component.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        name="componentStatus"
        label="Their status in the draft"
        options={STATUS_OPTIONS}
        defaultValue={values?.componentStatus ?? "major_outage"}
        errors={errors?.componentStatus}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isAutoPublish" />
        Publish automatically (no person checks the draft: customers see it at once)
      </label>
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Adding…" : "Add rule"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteAlertRuleForm({ ruleId, name }: { ruleId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(deleteAlertRuleAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <button
        type="submit"
        className="text-sm font-semibold text-red-700 underline dark:text-red-400"
        disabled={isPending}
        aria-label={`Delete rule ${name}`}
      >
        Delete
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
