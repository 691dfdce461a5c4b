"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { buttonClasses, FormMessage, TextField } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { useActionForm } from "@/components/use-action-form";
import type { AudienceMember } from "@/lib/campaigns/audience";
import { TEMPLATE_VARIABLES } from "@/lib/email/personalise";
import { audienceAction, saveDraftAction } from "./actions";

export interface CampaignFormValues {
  kind: string;
  subject: string;
  body: string;
  incidentId: string | null;
  audience: { componentIds: string[]; plans: string[]; tags: string[]; accounts: string[] };
}

export function CampaignForm(props: {
  campaignId?: string;
  initial: CampaignFormValues;
  incidents: { id: string; title: string }[];
  components: { id: string; name: string }[];
  plans: string[];
  tags: string[];
}) {
  const { state, formAction, isPending, errors } = useActionForm(saveDraftAction);
  const form = useRef<HTMLFormElement>(null);
  const [audience, setAudience] = useState<{ count: number; first: AudienceMember[] } | null>(null);
  const [counting, setCounting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const recount = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      if (!form.current) return;
      setCounting(true);
      const result = await audienceAction(new FormData(form.current)).catch(() => null);
      setCounting(false);
      if (result?.ok) setAudience(result.data);
    }, 300);
  }, []);

  const showMore = async () => {
    if (!form.current || !audience) return;
    const data = new FormData(form.current);
    data.set("$offset", String(audience.first.length));
    const result = await audienceAction(data).catch(() => null);
    if (result?.ok) setAudience({ count: result.data.count, first: [...audience.first, ...result.data.first] });
  };
  useEffect(recount, [recount]);

  const { initial } = props;
  const checkboxes = (name: string, options: { value: string; label: string }[], chosen: string[]) => (
    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
      {options.length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">None yet.</span>}
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.includes(option.value)} />
          {option.label}
        </label>
      ))}
    </div>
  );
  return (
    <form
      ref={form}
      // Submitted by hand, not through `action`: React resets a form after its action, and a refused
      // draft must keep what was written and every ticked filter.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      onChange={recount}
      className="grid gap-6 lg:grid-cols-[1fr_20rem]"
      noValidate
    >
      {props.campaignId && <input type="hidden" name="campaignId" value={props.campaignId} />}
      <div className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="text-sm">
            <label htmlFor="campaign-kind" className="block font-medium">
              Kind
            </label>
            <select
              id="campaign-kind"
              name="kind"
              defaultValue={initial.kind}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="incident_notice">Incident notice</option>
              <option value="postmortem">Postmortem</option>
            </select>
          </div>
          <div className="text-sm">
            <label htmlFor="campaign-incident" className="block font-medium">
              About the incident
            </label>
            <select
              id="campaign-incident"
              name="incidentId"
              defaultValue={initial.incidentId ?? ""}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">(none: links to the status page)</option>
              {props.incidents.map((incident) => (
                <option key={incident.id} value={incident.id}>
                  {incident.title}
                </option>
              ))}
            </select>
          </div>
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
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Audience</legend>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Customers matching every filter you set (any of the ticked values). Unsubscribed and bounced addresses are always left out.
        </p>
        <div>
          <p className="text-sm font-medium">Components they use</p>
          {checkboxes(
            "componentIds",
            props.components.map((component) => ({ value: component.id, label: component.name })),
            initial.audience.componentIds,
          )}
        </div>
        <div>
          <p className="text-sm font-medium">Plan</p>
          {checkboxes(
            "plans",
            props.plans.map((plan) => ({ value: plan, label: plan })),
            initial.audience.plans,
          )}
        </div>
        <div>
          <p className="text-sm font-medium">Tags</p>
          {checkboxes(
            "tags",
            props.tags.map((tag) => ({ value: tag, label: tag })),
            initial.audience.tags,
          )}
        </div>
        <TextAreaField
          name="accounts"
          id="accounts"
          label="Only these accounts"
          rows={4}
          defaultValue={initial.audience.accounts.join("\n")}
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
              const area = form.current?.elements.namedItem("accounts") as HTMLTextAreaElement | null;
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
              recount();
            }}
          />
        </div>
        <div role="status" aria-live="polite" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
          {audience === null ? (
            "Counting…"
          ) : (
            <strong className="text-base">
              {audience.count.toLocaleString("en")} {audience.count === 1 ? "recipient" : "recipients"}
            </strong>
          )}
          {counting && audience !== null && <span className="ml-2 text-slate-500 dark:text-slate-400">updating…</span>}
          {errors?.audience && <p className="mt-1 text-red-700">{errors.audience.join(" ")}</p>}
        </div>
        {audience && audience.count > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">
              View the list
              {audience.count > audience.first.length ? ` (${audience.first.length} of ${audience.count.toLocaleString("en")})` : ""}
            </summary>
            <ul className="mt-2 max-h-64 space-y-0.5 overflow-auto" tabIndex={0} aria-label="Recipients">
              {audience.first.map((member) => (
                <li key={member.id}>
                  {member.email}
                  {member.company ? <span className="text-slate-500 dark:text-slate-400"> · {member.company}</span> : null}
                </li>
              ))}
            </ul>
            {audience.count > audience.first.length && (
              <button type="button" onClick={() => void showMore()} className={`${buttonClasses.secondary} mt-2`}>
                Show 50 more
              </button>
            )}
          </details>
        )}
      </fieldset>
      <div className="flex items-center gap-3 lg:col-span-2">
        <button type="submit" className={buttonClasses.primary} disabled={isPending}>
          {isPending ? "Saving…" : "Save and review"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
