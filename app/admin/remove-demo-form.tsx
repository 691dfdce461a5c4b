"use client";

import { useActionState } from "react";
import { FormMessage, buttonClasses } from "@/components/form-controls";
import type { ActionResult } from "@/lib/action-result";
import { removeDemoDataAction } from "./actions";

export function RemoveDemoForm() {
  const [state, formAction, isPending] = useActionState<ActionResult | null>(removeDemoDataAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        {isPending ? "Removing…" : "Remove demo data"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
