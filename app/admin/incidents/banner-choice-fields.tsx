"use client";

import { useState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/form-controls";
import {
  BANNER_MESSAGE_MAX,
  BANNER_SEVERITIES,
  BANNER_SEVERITY_LABELS,
  bannerSeverityForImpact,
  type BannerSeverity,
} from "@/lib/banner/constants";
import type { IncidentImpact } from "@/lib/components/constants";
import type { ShowingBanner } from "@/lib/banner/incident-banner";

type Errors = Record<string, string[] | undefined> | undefined;
type Values = Record<string, string | undefined> | undefined;

/** Which banner is showing, said before anything replaces or clears it. */
function ShowingNotice({ showing, incidentId }: { showing: ShowingBanner; incidentId?: string }) {
  const owner = showing.incidentId === incidentId ? "this incident" : showing.incidentTitle ? `“${showing.incidentTitle}”` : null;
  return (
    <p className="rounded border border-slate-200 bg-slate-50 p-2 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
      The sign-in banner now shows ({BANNER_SEVERITY_LABELS[showing.severity].toLowerCase()}): “{showing.message}”
      {owner ? `, linked to ${owner}` : ", not linked to an incident"}.
    </p>
  );
}

/**
 * Publishing the banner from an incident form: the message (suggested from
 * the update until the operator edits it), its severity (suggested from the
 * impact), and, when another banner is showing, an explicit choice to replace it.
 *
 * Uncontrolled on purpose: a field's default follows the suggestion, which
 * the browser shows until the operator edits that field (its dirty flag), and
 * React's reset after a refused submit returns to what was submitted.
 */
export function BannerPublishFields(props: {
  checkboxName: "setBanner" | "updateBanner";
  checkboxLabel: string;
  isCheckedByDefault: boolean;
  showing: ShowingBanner | null;
  incidentId?: string;
  suggestedMessage: string;
  suggestedSeverity: BannerSeverity;
  errors: Errors;
  values: Values;
}) {
  const { showing, values, errors } = props;
  // React applies a select's defaultValue only when it mounts: remount it to follow the suggestion until the operator picks.
  const [hasPickedSeverity, setPickedSeverity] = useState(false);
  // On the declare form every banner showing belongs to something else.
  const belongsElsewhere = showing !== null && (props.incidentId === undefined || showing.incidentId !== props.incidentId);
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
      <legend className="px-1 font-medium">Sign-in banner</legend>
      {showing && <ShowingNotice showing={showing} incidentId={props.incidentId} />}
      <CheckboxField
        name={props.checkboxName}
        label={props.checkboxLabel}
        defaultChecked={values ? values[props.checkboxName] === "on" : props.isCheckedByDefault}
      />
      <TextField
        name="bannerMessage"
        label="Banner message"
        maxLength={BANNER_MESSAGE_MAX}
        defaultValue={values?.bannerMessage ?? props.suggestedMessage.slice(0, BANNER_MESSAGE_MAX)}
        errors={errors?.bannerMessage}
        hint="Shown on your product's login page, linked to this incident."
      />
      <SelectField
        key={`${values?.bannerSeverity ?? ""}|${hasPickedSeverity ? "picked" : props.suggestedSeverity}`}
        onChange={() => setPickedSeverity(true)}
        name="bannerSeverity"
        label="Banner severity"
        options={BANNER_SEVERITIES.map((value) => ({ value, label: BANNER_SEVERITY_LABELS[value] }))}
        defaultValue={values?.bannerSeverity ?? props.suggestedSeverity}
        errors={errors?.bannerSeverity}
        hint="Critical for a major or critical incident."
      />
      {belongsElsewhere && (
        <div>
          <CheckboxField
            name="replaceBanner"
            label="Replace that banner"
            value={showing.version}
            defaultChecked={values?.replaceBanner === String(showing.version)}
            errors={errors?.replaceBanner}
          />
        </div>
      )}
    </fieldset>
  );
}

/** On resolution: clear the banner, ticked by default when it belongs to this incident. */
function BannerClearField({ showing, incidentId, errors }: { showing: ShowingBanner | null; incidentId: string; errors: Errors }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
      <legend className="px-1 font-medium">Sign-in banner</legend>
      {showing ? (
        <>
          <ShowingNotice showing={showing} incidentId={incidentId} />
          <CheckboxField
            name="clearBanner"
            label="Clear the banner"
            value={showing.version}
            defaultChecked={showing.incidentId === incidentId}
            errors={errors?.clearBanner}
          />
        </>
      ) : (
        <p className="text-slate-600 dark:text-slate-300">No sign-in banner is showing.</p>
      )}
    </fieldset>
  );
}

/**
 * The banner part of an update: clearing it when the update closes the
 * incident, otherwise publishing it (ticked, and keeping its severity, when
 * the banner showing belongs to this incident).
 */
export function UpdateBannerFields(props: {
  isClosing: boolean;
  showing: ShowingBanner | null;
  incidentId: string;
  impact: IncidentImpact;
  suggestedMessage: string;
  errors: Errors;
  values: Values;
}) {
  if (props.isClosing) return <BannerClearField showing={props.showing} incidentId={props.incidentId} errors={props.errors} />;
  const ownsBanner = props.showing?.incidentId === props.incidentId;
  return (
    <BannerPublishFields
      checkboxName="updateBanner"
      checkboxLabel="Also update the sign-in banner"
      isCheckedByDefault={ownsBanner}
      showing={props.showing}
      incidentId={props.incidentId}
      suggestedMessage={props.suggestedMessage}
      suggestedSeverity={ownsBanner ? props.showing!.severity : bannerSeverityForImpact(props.impact)}
      errors={props.errors}
      values={props.values}
    />
  );
}
