"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

/** A form's server action with its result split for rendering: field errors and the values to show again. */
export function useActionForm<T = undefined>(action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction, isPending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  return {
    state,
    formAction,
    isPending,
    errors: state && !state.ok ? state.fieldErrors : undefined,
    values: state && !state.ok ? state.values : undefined,
  };
}
