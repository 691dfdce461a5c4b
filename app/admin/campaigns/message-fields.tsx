import { SelectField, TextField } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { TEMPLATE_VARIABLES } from "@/lib/email/personalise";

const KINDS = [
  { value: "incident_notice", label: "Incident notice" },
  { value: "postmortem", label: "Postmortem" },
] as const;

/** What the campaign says: its kind and incident, the subject and the Markdown message with its variables. */
export function MessageFields({
  initial,
  incidents,
  errors,
}: {
  initial: { kind: string; subject: string; body: string; incidentId: string | null };
  incidents: { id: string; title: string }[];
  errors?: Record<string, string[]>;
}) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" id="campaign-kind" label="Kind" defaultValue={initial.kind} options={KINDS} errors={errors?.kind} />
        <SelectField
          name="incidentId"
          id="campaign-incident"
          label="About the incident"
          defaultValue={initial.incidentId ?? ""}
          options={[
            { value: "", label: "(none: links to the status page)" },
            ...incidents.map((incident) => ({ value: incident.id, label: incident.title })),
          ]}
          errors={errors?.incidentId}
        />
      </div>
      <TextField name="subject" label="Subject" defaultValue={initial.subject} required errors={errors?.subject} />
      <TextAreaField
        name="body"
        label="Message (Markdown)"
        rows={14}
        defaultValue={initial.body}
        required
        errors={errors?.body}
        hint="Placed into the email template with your page's branding; variables are filled per recipient."
      />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Variables</summary>
        <ul className="mt-2 space-y-1">
          {Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => (
            <li key={name}>
              <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{`{{${name}}}`}</code> {description}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
