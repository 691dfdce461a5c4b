import { SelectField } from "@/components/form-controls";
import type { IncidentTemplateView } from "@/lib/incidents/templates";

/** Picks an incident template (named `template`); `onPick` gets the chosen one, never "No template". */
export function TemplateSelectField({
  label,
  hint,
  templates,
  onPick,
}: {
  label: string;
  hint?: string;
  templates: IncidentTemplateView[];
  onPick: (template: IncidentTemplateView, form: HTMLFormElement) => void;
}) {
  return (
    <SelectField
      name="template"
      label={label}
      options={[{ value: "", label: "No template" }, ...templates.map((template) => ({ value: template.id, label: template.name }))]}
      onChange={(event) => {
        const template = templates.find((item) => item.id === event.target.value);
        if (template && event.target.form) onPick(template, event.target.form);
      }}
      hint={hint}
    />
  );
}
