"use client";

import { useActionForm } from "@/components/use-action-form";
import { useState, type FormEvent } from "react";
import type { ShowingBanner } from "@/lib/banner/incident-banner";
import type { IncidentImpact } from "@/lib/components/constants";
import { bannerSeverityForImpact } from "@/lib/banner/constants";
import { CheckboxField, FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { INCIDENT_STATUS_LABELS } from "@/lib/incidents/constants";
import type { IncidentTemplateView } from "@/lib/incidents/templates";
import { declareIncidentAction } from "./actions";
import { BannerPublishFields } from "./banner-choice-fields";
import { ImpactField } from "./impact-field";
import { TemplateSelectField } from "./template-select-field";
import { ComponentStatusFields, componentErrors, type ComponentChoice } from "./component-status-fields";

const OPENING_STATUSES = ["investigating", "identified", "monitoring"] as const;

export function DeclareIncidentForm({
  components,
  templates,
  showingBanner,
}: {
  components: ComponentChoice[];
  templates: IncidentTemplateView[];
  showingBanner: ShowingBanner | null;
}) {
  const { state, formAction, isPending, errors, values } = useActionForm(declareIncidentAction);
  const [impact, setImpact] = useState<IncidentImpact>((values?.impact as IncidentImpact | undefined) ?? "minor");
  const [message, setMessage] = useState(values?.message ?? "");
  // The banner's suggestions follow the impact and the first message.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const field = event.target as HTMLInputElement;
    if (field.name === "impact") setImpact(field.value as IncidentImpact);
    if (field.name === "message") setMessage(field.value);
  };

  function applyTemplate(template: IncidentTemplateView, form: HTMLFormElement) {
    const elements = form.elements;
    (elements.namedItem("title") as HTMLInputElement).value = template.title;
    (elements.namedItem("message") as HTMLTextAreaElement).value = template.message;
    if ((OPENING_STATUSES as readonly string[]).includes(template.status))
      (elements.namedItem("status") as HTMLSelectElement).value = template.status;
  }

  return (
    <form action={formAction} onChange={onChange} className="space-y-5" noValidate>
      {templates.length > 0 && (
        <TemplateSelectField
          label="Start from a template"
          templates={templates}
          onPick={applyTemplate}
          hint="Fills the title, message and status; edit them before declaring."
        />
      )}
      <TextField
        name="title"
        label="Title"
        required
        maxLength={200}
        defaultValue={values?.title}
        errors={errors?.title}
        hint="What customers notice, e.g. “Sign-in failing for some users”."
      />
      <ImpactField defaultImpact={values?.impact ?? "minor"} errors={errors?.impact} />
      <ComponentStatusFields components={components} emptyLabel="Not affected" values={values} errors={componentErrors(errors)} />
      <SelectField
        name="status"
        label="Status"
        options={OPENING_STATUSES.map((status) => ({ value: status, label: INCIDENT_STATUS_LABELS[status] }))}
        defaultValue={values?.status ?? "investigating"}
        errors={errors?.status}
      />
      <TextAreaField
        name="message"
        label="First message to customers"
        required
        defaultValue={values?.message}
        errors={errors?.message}
        hint="Markdown. Say what is affected and when you will update next."
      />
      <TextField
        name="startedAt"
        label="Started at (UTC)"
        type="datetime-local"
        defaultValue={values?.startedAt}
        errors={errors?.startedAt}
        hint="Leave empty for now. Set an earlier time when you record an incident after the fact."
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <BannerPublishFields
          checkboxName="setBanner"
          checkboxLabel="Also set the sign-in banner"
          isCheckedByDefault={false}
          showing={showingBanner}
          suggestedMessage={message}
          suggestedSeverity={bannerSeverityForImpact(impact)}
          errors={errors}
          values={values}
        />
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <legend className="px-1 font-medium">Tell people</legend>
          <CheckboxField
            name="notifySubscribers"
            label="Notify subscribers"
            defaultChecked={values ? values.notifySubscribers === "on" : true}
          />
          <CheckboxField
            name="emailCustomers"
            label="Email the customers using these components"
            defaultChecked={values?.emailCustomers === "on"}
          />
        </fieldset>
      </div>
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.danger} disabled={isPending}>
        {isPending ? "Declaring…" : "Declare incident"}
      </button>
    </form>
  );
}
