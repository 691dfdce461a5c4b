"use client";

import { startTransition } from "react";
import { buttonClasses, CheckboxField, FormMessage, SelectField, TextField } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { useActionForm } from "@/components/use-action-form";
import { createOfferAction } from "@/app/admin/offers/actions";
import { AudienceFields } from "@/app/admin/campaigns/audience-fields";

const KINDS = [
  { value: "months", label: "Months of their monthly amount" },
  { value: "percent", label: "Percent of their monthly amount" },
  { value: "fixed", label: "A fixed amount per currency" },
];

function ChoiceFields({ number, errors, values }: { number: 1 | 2; errors?: Record<string, string[]>; values?: Record<string, string> }) {
  const index = number - 1;
  const error = (field: string) => errors?.[`choices.${index}.${field}`] ?? (field === "kind" ? errors?.[`choices.${index}`] : undefined);
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Credit {number}</legend>
      <SelectField
        name={`choice${number}Kind`}
        label="Rule"
        options={number === 2 ? [{ value: "none", label: "No second credit" }, ...KINDS] : KINDS}
        defaultValue={values?.[`choice${number}Kind`] ?? (number === 1 ? "months" : "none")}
        errors={error("kind")}
      />
      <TextField
        name={`choice${number}Value`}
        label="Months or percent"
        hint="For months: 1, or 0.5 for half a month. For percent: 50."
        inputMode="decimal"
        defaultValue={values?.[`choice${number}Value`] ?? (number === 1 ? "1" : "")}
        errors={error("value")}
      />
      <TextField
        name={`choice${number}Fixed`}
        label="Fixed amount per currency"
        hint="Only for a fixed amount: EUR 20, USD 20, JPY 3000."
        defaultValue={values?.[`choice${number}Fixed`] ?? ""}
        errors={error("fixed")}
      />
      <TextField
        name={`choice${number}Cap`}
        label="Cap per currency (optional)"
        hint="The most any one customer gets: EUR 500, JPY 50000."
        defaultValue={values?.[`choice${number}Cap`] ?? ""}
        errors={error("cap")}
      />
    </fieldset>
  );
}

export function OfferForm(props: {
  suggested: { incident: { id: string }; subject: string; body: string; componentIds: string[]; deadline: string };
  components: { id: string; name: string }[];
  plans: string[];
  tags: string[];
}) {
  const { state, formAction, isPending, errors, values } = useActionForm(createOfferAction);
  const { suggested } = props;
  return (
    <form
      // Submitted by hand: React resets a form after its action, and a refused offer must keep what was typed.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="grid gap-6 lg:grid-cols-2"
      noValidate
    >
      <input type="hidden" name="incidentId" value={suggested.incident.id} />
      <div className="space-y-4">
        <ChoiceFields number={1} errors={errors} values={values} />
        <ChoiceFields number={2} errors={errors} values={values} />
        <p className="text-sm text-slate-600 dark:text-slate-300">Customers can always answer “No thanks, I don&apos;t need a credit”.</p>
        <CheckboxField
          name="hasCommentBox"
          label="Let customers add a comment"
          defaultChecked={values ? values.hasCommentBox === "on" : true}
        />
        <TextField
          name="deadline"
          type="datetime-local"
          label="Deadline (UTC)"
          hint="Answers are taken until then; the links stop working after it."
          defaultValue={values?.deadline ?? suggested.deadline}
          errors={errors?.deadline}
        />
      </div>
      <div className="space-y-4">
        <TextField name="subject" label="Subject" defaultValue={values?.subject ?? suggested.subject} errors={errors?.subject} />
        <TextAreaField
          name="body"
          label="Message"
          rows={9}
          hint="Markdown and {{first_name}}. Each customer's choices, amounts and personal link follow it."
          defaultValue={values?.body ?? suggested.body}
          errors={errors?.body}
        />
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <legend className="px-1 text-sm font-semibold">Audience</legend>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Customers of the incident&apos;s components, to start with. Unsubscribed and bounced addresses are left out.
          </p>
          <AudienceFields
            components={props.components}
            plans={props.plans}
            tags={props.tags}
            initial={{ componentIds: suggested.componentIds, plans: [], tags: [], accounts: [] }}
            onAccountsLoaded={() => {}}
          />
        </fieldset>
      </div>
      <div className="flex items-center gap-3 lg:col-span-2">
        <button type="submit" className={buttonClasses.primary} disabled={isPending}>
          {isPending ? "Saving…" : "Review recipients and amounts"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
