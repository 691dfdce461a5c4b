"use client";

import { useActionState } from "react";
import { ConfirmSubmitButton } from "@/components/confirm-submit";
import { FormMessage, buttonClasses } from "@/components/form-controls";
import type { ActionResult } from "@/lib/action-result";
import { removeDemoDataAction } from "./actions";

export function RemoveDemoForm() {
  const [state, formAction, isPending] = useActionState<ActionResult | null>(removeDemoDataAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <ConfirmSubmitButton
        label={isPending ? "Removing…" : "Remove demo data"}
        title="Remove the demo data?"
        confirmLabel="Remove demo data"
        className={buttonClasses.secondary}
        disabled={isPending}
        isDanger
      >
        <p>The demo components, the demo incident and its postmortem are deleted from the status page. This cannot be undone.</p>
      </ConfirmSubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
