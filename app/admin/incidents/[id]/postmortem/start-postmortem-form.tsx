"use client";

import { buttonClasses, FormMessage } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { startPostmortemAction } from "./actions";

export function StartPostmortemForm({ incidentId, label = "Draft the postmortem" }: { incidentId: string; label?: string }) {
  const { state, formAction, isPending } = useActionForm(startPostmortemAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="incidentId" value={incidentId} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending}>
        {isPending ? "Drafting…" : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
