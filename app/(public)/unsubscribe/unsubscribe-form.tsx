"use client";

import { useActionState } from "react";
import { unsubscribeAction } from "./actions";

export function UnsubscribeForm({ a, t }: { a: string; t: string }) {
  const [state, formAction, isPending] = useActionState(unsubscribeAction, null);
  if (state?.ok)
    return (
      <p role="status" className="mt-4 text-sm font-medium text-green-800 dark:text-green-400">
        ✓ {state.message}
      </p>
    );
  return (
    <form action={formAction} className="mt-4">
      <input type="hidden" name="a" value={a} />
      <input type="hidden" name="t" value={t} />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 dark:bg-white dark:text-slate-900"
      >
        {isPending ? "Unsubscribing…" : "Unsubscribe"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
