"use client";

import { useState } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { useActionForm } from "@/components/use-action-form";
import { BANNER_MESSAGE_MAX, BANNER_SEVERITIES, BANNER_SEVERITY_LABELS, type BannerSeverity } from "@/lib/banner/constants";
import { clearBannerAction, publishBannerAction, republishBannerAction } from "./actions";
import { BannerPreview } from "./banner-preview";
import { ConfirmSubmitButton } from "@/components/confirm-submit";

export interface BannerFormDefaults {
  message: string;
  severity: BannerSeverity;
  linkUrl: string;
  linkLabel: string;
  startsAt: string;
  endsAt: string;
  incidentId: string;
}

export function BannerForm({
  defaults,
  incidents,
  isAmendment,
  publicUrl,
}: {
  defaults: BannerFormDefaults;
  incidents: { id: string; title: string }[];
  isAmendment: boolean;
  /** Where the public incident pages are, for the preview's "Status page" link. */
  publicUrl: string;
}) {
  const { state, formAction, isPending, errors, values } = useActionForm(publishBannerAction);
  const start = { ...defaults, ...values } as BannerFormDefaults;
  const [preview, setPreview] = useState({
    message: start.message,
    severity: start.severity,
    linkUrl: start.linkUrl,
    linkLabel: start.linkLabel,
    incidentId: start.incidentId,
  });
  const update = (field: keyof typeof preview) => (event: { target: { value: string } }) =>
    setPreview((current) => ({ ...current, [field]: event.target.value }));
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextAreaField
        name="message"
        label="Message"
        rows={3}
        maxLength={BANNER_MESSAGE_MAX}
        required
        defaultValue={start.message}
        onChange={update("message")}
        errors={errors?.message}
        hint={`Up to ${BANNER_MESSAGE_MAX} characters (${preview.message.length} used). **bold**, *italics* and [links](https://…) work.`}
      />
      <fieldset>
        <legend className="text-sm font-medium">Severity</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {BANNER_SEVERITIES.map((severity) => (
            <label
              key={severity}
              className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 dark:border-slate-700 dark:has-[:checked]:bg-blue-950"
            >
              <input
                type="radio"
                name="severity"
                value={severity}
                defaultChecked={start.severity === severity}
                onChange={update("severity")}
              />
              {BANNER_SEVERITY_LABELS[severity]}
            </label>
          ))}
        </div>
        {errors?.severity && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.severity.join(" ")}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="linkUrl"
          label="Link (optional)"
          type="url"
          defaultValue={start.linkUrl}
          onChange={update("linkUrl")}
          errors={errors?.linkUrl}
          hint="http(s) only."
        />
        <TextField
          name="linkLabel"
          label="Link text"
          defaultValue={start.linkLabel}
          onChange={update("linkLabel")}
          errors={errors?.linkLabel}
          hint="Default: “Learn more”."
        />
        <TextField
          name="startsAt"
          label="Show from (UTC, optional)"
          type="datetime-local"
          defaultValue={start.startsAt}
          errors={errors?.startsAt}
        />
        <TextField
          name="endsAt"
          label="Show until (UTC, optional)"
          type="datetime-local"
          defaultValue={start.endsAt}
          errors={errors?.endsAt}
        />
      </div>
      <SelectField
        name="incidentId"
        label="Linked incident (optional)"
        options={[{ value: "", label: "None" }, ...incidents.map((incident) => ({ value: incident.id, label: incident.title }))]}
        defaultValue={start.incidentId}
        onChange={update("incidentId")}
        errors={errors?.incidentId}
        hint="Without a link of its own, the banner links to this incident's public page."
      />
      <BannerPreview input={{ ...preview, incidentUrl: preview.incidentId ? `${publicUrl}/incidents/${preview.incidentId}` : null }} />
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Publishing…" : isAmendment ? "Publish amendment" : "Publish banner"}
      </button>
    </form>
  );
}

export function ClearBannerForm({ message }: { message: string }) {
  const { state, formAction, isPending } = useActionForm(clearBannerAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <ConfirmSubmitButton
        label="Clear banner"
        title="Clear the sign-in banner?"
        confirmLabel="Clear the banner"
        className={buttonClasses.secondary}
        disabled={isPending}
        isDanger
      >
        <p>Login pages stop showing “{message}” within a minute. The history keeps it; you can publish it again.</p>
      </ConfirmSubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RepublishForm({ versionId, version }: { versionId: string; version: number }) {
  const { state, formAction, isPending } = useActionForm(republishBannerAction);
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="versionId" value={versionId} />
      <button
        type="submit"
        className="text-xs font-semibold text-blue-700 underline dark:text-blue-400"
        disabled={isPending}
        aria-label={`Publish version ${version} again`}
      >
        Publish this version again
      </button>
      <FormMessage state={state} />
    </form>
  );
}
