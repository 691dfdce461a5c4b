"use client";

import { useState, type FormEvent } from "react";
import { CheckboxField, FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { useActionForm } from "@/components/use-action-form";
import type { ShowingBanner } from "@/lib/banner/incident-banner";
import type { IncidentImpact } from "@/lib/components/constants";
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, MAINTENANCE_STATUSES } from "@/lib/incidents/constants";
import type { IncidentTemplateView } from "@/lib/incidents/templates";
import { postUpdateAction } from "./actions";
import { UpdateBannerFields } from "./banner-choice-fields";
import { UpdateComponentFields, componentErrors, type ComponentChoice } from "./component-status-fields";
import { TemplateSelectField } from "./template-select-field";

export function PostUpdateForm(props: {
  incidentId: string;
  kind: "incident" | "maintenance";
  currentStatus: string;
  affected: ComponentChoice[];
  others: ComponentChoice[];
  templates: IncidentTemplateView[];
  impact: IncidentImpact;
  showingBanner: ShowingBanner | null;
}) {
  const { state, formAction, isPending, errors, values } = useActionForm(postUpdateAction);
  const statuses = props.kind === "maintenance" ? MAINTENANCE_STATUSES.filter((status) => status !== "scheduled") : INCIDENT_STATUSES;
  const initialStatus = values?.status ?? (statuses.includes(props.currentStatus as never) ? props.currentStatus : statuses[0]);
  const [status, setStatus] = useState(initialStatus);
  const [message, setMessage] = useState(values?.message ?? "");
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const field = event.target as HTMLInputElement;
    if (field.name === "status") setStatus(field.value);
    if (field.name === "message") setMessage(field.value);
  };
  return (
    <form action={formAction} onChange={onChange} className="space-y-4" noValidate>
      <input type="hidden" name="incidentId" value={props.incidentId} />
      <SelectField
        name="status"
        label="Status"
        options={statuses.map((status) => ({ value: status, label: INCIDENT_STATUS_LABELS[status] }))}
        defaultValue={initialStatus}
        errors={errors?.status}
        hint={
          props.kind === "maintenance"
            ? "Completed returns the components to operational."
            : "Resolved returns the affected components, from its time, to what other open incidents held them in then (or operational), unless you choose otherwise below."
        }
      />
      {props.templates.length > 0 && (
        <TemplateSelectField
          label="Message from a template"
          templates={props.templates}
          onPick={(template, form) => {
            (form.elements.namedItem("message") as HTMLTextAreaElement).value = template.message;
            (form.elements.namedItem("status") as HTMLSelectElement).value = template.status;
            setMessage(template.message);
            setStatus(template.status);
          }}
        />
      )}
      <TextAreaField
        name="message"
        id="update-message"
        label="Message to customers"
        required
        defaultValue={values?.message}
        errors={errors?.message}
        hint="Markdown."
      />
      <TextField
        name="publishedAt"
        id="update-time"
        label="Time (UTC)"
        type="datetime-local"
        defaultValue={values?.publishedAt}
        errors={errors?.publishedAt}
        hint="Leave empty for now; backdate to record what happened earlier."
      />
      <UpdateComponentFields affected={props.affected} others={props.others} values={values} errors={componentErrors(errors)} />
      {props.kind === "incident" && (
        <UpdateBannerFields
          isClosing={status === "resolved" || status === "completed"}
          showing={props.showingBanner}
          incidentId={props.incidentId}
          impact={props.impact}
          suggestedMessage={message}
          errors={errors}
          values={values}
        />
      )}
      <CheckboxField
        name="notifySubscribers"
        label="Notify subscribers"
        defaultChecked={values ? values.notifySubscribers === "on" : true}
      />
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Posting…" : "Post update"}
      </button>
    </form>
  );
}
