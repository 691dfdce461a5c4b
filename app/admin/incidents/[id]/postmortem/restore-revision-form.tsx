"use client";

import { buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { restoreRevisionAction } from "./actions";

export function RestoreRevisionForm({
  incidentId,
  revision,
  baseRevision,
}: {
  incidentId: string;
  revision: number;
  baseRevision: number;
}) {
  const { state, formAction, isPending } = useActionForm(restoreRevisionAction);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="baseRevision" value={baseRevision} />
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        Restore<span className="sr-only"> revision {revision}</span>
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
