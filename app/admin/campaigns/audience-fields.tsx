"use client";

import { CheckboxGroup } from "@/components/checkbox-group";
import { TextAreaField } from "@/components/form-textarea";

/** Who the campaign goes to: filters by component, plan and tag, and a pasted (or loaded) list of accounts. */
export function AudienceFields({
  components,
  plans,
  tags,
  initial,
  onAccountsLoaded,
}: {
  components: { id: string; name: string }[];
  plans: string[];
  tags: string[];
  initial: { componentIds: string[]; plans: string[]; tags: string[]; accounts: string[] };
  /** Called after a file's lines were put into the list, so the count follows. */
  onAccountsLoaded: () => void;
}) {
  return (
    <>
      <CheckboxGroup
        name="componentIds"
        legend="Components they use"
        options={components.map((component) => ({ value: component.id, label: component.name }))}
        chosen={initial.componentIds}
      />
      <CheckboxGroup name="plans" legend="Plan" options={plans.map((plan) => ({ value: plan, label: plan }))} chosen={initial.plans} />
      <CheckboxGroup name="tags" legend="Tags" options={tags.map((tag) => ({ value: tag, label: tag }))} chosen={initial.tags} />
      <TextAreaField
        name="accounts"
        id="accounts"
        label="Only these accounts"
        rows={4}
        defaultValue={initial.accounts.join("\n")}
        hint="Emails or account ids of the affected customers, one per line (paste a list)."
      />
      <div className="text-sm">
        <label htmlFor="accounts-file" className="font-medium">
          …or load them from a file
        </label>
        <input
          id="accounts-file"
          type="file"
          accept=".csv,.txt,text/plain,text/csv"
          className="mt-1 block w-full text-xs"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            const area = event.currentTarget.form?.elements.namedItem("accounts") as HTMLTextAreaElement | null;
            if (!file || !area) return;
            // One id or email per line, or the first column of a CSV; the server splits and checks them.
            area.value = (await file.text())
              .split(/\r?\n/)
              .map((line) =>
                line
                  .split(/[,;\t]/)[0]!
                  .trim()
                  .replace(/^"|"$/g, ""),
              )
              .filter(Boolean)
              .join("\n");
            onAccountsLoaded();
          }}
        />
      </div>
    </>
  );
}
