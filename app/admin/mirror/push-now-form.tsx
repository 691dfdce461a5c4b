"use client";

import { useActionState } from "react";
import { FormMessage, buttonClasses } from "@/components/form-controls";
import type { ActionResult } from "@/lib/action-result";
import { pushMirrorNowAction } from "./actions";

export function PushNowForm() {
  const [state, formAction, isPending] = useActionState<ActionResult | null>(pushMirrorNowAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Queuing…" : "Push now"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
