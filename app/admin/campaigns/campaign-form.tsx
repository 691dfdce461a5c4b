"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { buttonClasses, FormMessage } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import type { AudienceMember } from "@/lib/campaigns/audience";
import { audienceAction, saveDraftAction } from "./actions";
import { AudienceFields } from "./audience-fields";
import { AudienceSummary } from "./audience-summary";
import { MessageFields } from "./message-fields";

export interface CampaignFormValues {
  kind: string;
  subject: string;
  body: string;
  incidentId: string | null;
  audience: { componentIds: string[]; plans: string[]; tags: string[]; accounts: string[] };
}

/** Compose a campaign: the message (message-fields.tsx), the audience (audience-fields.tsx) and its live count (audience-summary.tsx). */
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
      <MessageFields initial={initial} incidents={props.incidents} errors={errors} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Audience</legend>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Customers matching every filter you set (any of the ticked values). Unsubscribed and bounced addresses are always left out.
        </p>
        <AudienceFields
          components={props.components}
          plans={props.plans}
          tags={props.tags}
          initial={initial.audience}
          onAccountsLoaded={recount}
        />
        <AudienceSummary audience={audience} counting={counting} errors={errors?.audience} onShowMore={() => void showMore()} />
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
