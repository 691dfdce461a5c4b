"use client";

import { useActionForm } from "@/components/use-action-form";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import type { PageSettings } from "@/lib/settings/queries";
import { updateSettingsAction } from "./actions";
import { BrandColourField } from "./brand-colour-field";

export function SettingsForm({ settings, timeZones, canEdit }: { settings: PageSettings; timeZones: string[]; canEdit: boolean }) {
  // After a failed save, show what was typed; otherwise the saved settings.
  const { state, formAction, isPending, errors, values } = useActionForm(updateSettingsAction);
  const value = (field: keyof PageSettings) => values?.[field] ?? String(settings[field] ?? "");
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <fieldset disabled={!canEdit} className="space-y-4">
        <TextField
          name="pageName"
          label="Page name"
          defaultValue={value("pageName")}
          required
          errors={errors?.pageName}
          hint="Shown as the status page's title, e.g. “Acme status”."
        />
        <TextField
          name="publicUrl"
          label="Public URL"
          type="url"
          defaultValue={value("publicUrl")}
          placeholder={settings.effectivePublicUrl}
          errors={errors?.publicUrl}
          hint="Where customers reach the status page; used in emails, feeds and the embed snippet. Empty: the server's PUBLIC_URL."
        />
        <TextField
          name="logoUrl"
          label="Logo URL"
          defaultValue={value("logoUrl")}
          errors={errors?.logoUrl}
          hint="An https URL or a path under public/, e.g. /logo.svg; an uploaded logo (below) wins. Empty: the page name as text."
        />
        <BrandColourField defaultValue={value("brandColor")} errors={errors?.brandColor} />
        <TextField
          name="websiteUrl"
          label="Your product's website"
          type="url"
          defaultValue={value("websiteUrl")}
          errors={errors?.websiteUrl}
          hint="Linked from the status page's header (“Back to example.com”), e.g. https://example.com."
        />
        <TextField
          name="supportEmail"
          label="Support email"
          type="email"
          defaultValue={value("supportEmail")}
          errors={errors?.supportEmail}
          hint="Where customers can write; shown on the page and in emails."
        />
        <TextField
          name="timeZone"
          label="Time zone"
          defaultValue={value("timeZone")}
          list="time-zones"
          errors={errors?.timeZone}
          hint="The page's own time zone, e.g. Europe/London; readers also see times in theirs."
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <div className="flex items-start gap-2">
          <input
            id="requirePostmortemApproval"
            name="requirePostmortemApproval"
            type="checkbox"
            defaultChecked={values ? values.requirePostmortemApproval === "on" : settings.requirePostmortemApproval}
            aria-describedby="requirePostmortemApproval-hint"
            className="mt-1 h-4 w-4"
          />
          <div>
            <label htmlFor="requirePostmortemApproval" className="text-sm font-medium">
              Postmortems need a second operator’s approval
            </label>
            <p id="requirePostmortemApproval-hint" className="text-sm text-slate-600 dark:text-slate-400">
              Before publishing, an operator other than the one who asked for the review approves the exact revision.
            </p>
          </div>
        </div>
      </fieldset>
      {canEdit ? (
        <button type="submit" className={buttonClasses.primary} disabled={isPending}>
          {isPending ? "Saving…" : "Save settings"}
        </button>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">Only admins can change the settings.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
