"use client";

import { useActionForm } from "@/components/use-action-form";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { scheduleMaintenanceAction } from "../../incidents/actions";
import type { ComponentChoice } from "../../incidents/component-status-fields";

export function ScheduleMaintenanceForm({ components }: { components: ComponentChoice[] }) {
  const { state, formAction, isPending, errors, values } = useActionForm(scheduleMaintenanceAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="title" label="Title" required defaultValue={values?.title} errors={errors?.title} hint="e.g. “Database upgrade”." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="scheduledStart"
          label="Starts (UTC)"
          type="datetime-local"
          required
          defaultValue={values?.scheduledStart}
          errors={errors?.scheduledStart}
        />
        <TextField
          name="scheduledEnd"
          label="Ends (UTC)"
          type="datetime-local"
          required
          defaultValue={values?.scheduledEnd}
          errors={errors?.scheduledEnd}
        />
      </div>
      <fieldset aria-describedby={errors?.componentIds || errors?.components ? "maintenance-components-error" : undefined}>
        <legend className="text-sm font-medium">Components under maintenance</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {components.map((component) => (
            <label
              key={component.id}
              className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700"
            >
              <input type="checkbox" name="componentIds" value={component.id} />
              {component.groupName ? `${component.groupName} · ` : ""}
              {component.name}
            </label>
          ))}
        </div>
        {(errors?.componentIds || errors?.components) && (
          <p id="maintenance-components-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {(errors.componentIds ?? errors.components)!.join(" ")}
          </p>
        )}
      </fieldset>
      <TextAreaField
        name="message"
        label="Message to customers"
        required
        defaultValue={values?.message}
        errors={errors?.message}
        hint="What will happen and what customers may notice. Markdown."
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It starts and completes by itself at these times; you can extend or complete it early from its page.
      </p>
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Scheduling…" : "Schedule maintenance"}
      </button>
    </form>
  );
}
