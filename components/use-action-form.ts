"use client";

import { useActionState, useEffect } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * A form's server action with its result split for rendering: field errors
 * and the values to show again. After a refused submit, focus moves to the
 * first field marked invalid, so keyboard and screen-reader users land on
 * what to fix (every field's error shows at once).
 */
export function useActionForm<T = undefined>(action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction, isPending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors || Object.keys(state.fieldErrors).length === 0) return;
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }, [state]);
  return {
    state,
    formAction,
    isPending,
    errors: state && !state.ok ? state.fieldErrors : undefined,
    values: state && !state.ok ? state.values : undefined,
  };
}
