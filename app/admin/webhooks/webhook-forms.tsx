"use client";

import { useActionState } from "react";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import { addWebhookAction, removeWebhookAction, sendTestEventAction, setWebhookEnabledAction } from "./actions";

export function AddWebhookForm() {
  const { state, formAction, isPending, errors, values } = useActionForm(addWebhookAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        name="url"
        label="URL"
        type="url"
        required
        autoComplete="off"
        placeholder="https://example.com/hooks/status"
        defaultValue={values?.url}
        errors={errors?.url}
        hint="Slack, Microsoft Teams and Discord incoming-webhook URLs get a chat message; any other URL gets signed JSON in Statuspage's webhook shape."
      />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Adding…" : "Add webhook"}
      </button>
      <FormMessage state={state} />
      {state?.ok && (
        <div>
          <label htmlFor="new-webhook-secret" className="block text-sm font-medium">
            Signing secret (shown once; verify with the standardwebhooks library)
          </label>
          <input
            id="new-webhook-secret"
            readOnly
            value={state.data.secret}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}

/** Send test event, enable/disable and remove, for one webhook. */
export function WebhookControls({ webhookId, isEnabled, url }: { webhookId: string; isEnabled: boolean; url: string }) {
  const [testState, testAction, isTesting] = useActionState<ActionResult | null, FormData>(sendTestEventAction, null);
  const [toggleState, toggleAction, isToggling] = useActionState<ActionResult | null, FormData>(setWebhookEnabledAction, null);
  const [removeState, removeAction, isRemoving] = useActionState<ActionResult | null, FormData>(removeWebhookAction, null);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={testAction}>
        <input type="hidden" name="webhookId" value={webhookId} />
        <button type="submit" className={buttonClasses.secondary} disabled={isTesting || !isEnabled}>
          Send test event
        </button>
      </form>
      <form action={toggleAction}>
        <input type="hidden" name="webhookId" value={webhookId} />
        <input type="hidden" name="isEnabled" value={String(!isEnabled)} />
        <button type="submit" className={buttonClasses.secondary} disabled={isToggling}>
          {isEnabled ? "Disable" : "Enable"}
        </button>
      </form>
      <form
        action={removeAction}
        onSubmit={(event) => {
          if (!window.confirm(`Remove the webhook to ${url}?`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="webhookId" value={webhookId} />
        <button type="submit" className={buttonClasses.danger} disabled={isRemoving}>
          Remove
        </button>
      </form>
      <FormMessage state={testState ?? toggleState ?? removeState} />
    </div>
  );
}
