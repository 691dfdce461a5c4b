import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isDatabaseUnavailable } from "./database/failure";
import { DomainError, ValidationError, type ErrorDetails } from "./errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; values?: FormValues; details?: ErrorDetails };

/** What the operator typed, handed back so a failed submit does not empty the form. Never passwords. */
export type FormValues = Record<string, string>;

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    // Not passwords, not React's own fields, not an uploaded file's text sent back whole.
    if (typeof value === "string" && !/password|token/i.test(key) && !key.startsWith("$") && value.length <= 60_000) values[key] = value;
  }
  return values;
}

export function invalidInput(error: z.ZodError, formData?: FormData): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Some fields need attention.", fieldErrors, values: formData && formValues(formData) };
}

const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering — nothing was saved, try again.";

/** The one mapping from thrown errors to what a form shows. Unexpected errors are logged, not shown. */
export function toActionFailure(error: unknown, formData?: FormData): ActionResult<never> {
  const values = formData && formValues(formData);
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof DomainError)
    return { ok: false, message: error.message, values, ...(error.details ? { details: error.details } : {}) };
  // redirect(), notFound(), forbidden() and Next's other control flow work by throwing: let them through.
  unstable_rethrow(error);
  // Refused, hung or dropped: the write's transaction never committed (the
  // deadline closes the connection, so a resumed server rolls it back).
  if (isDatabaseUnavailable(error)) {
    console.error(`candor: an action failed, the database is unavailable: ${(error as Error).message?.split("\n")[0] ?? error}`);
    return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE, values };
  }
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(`[action ${reference}]`, error);
  return { ok: false, message: `Something went wrong on our side (reference ${reference}). Try again.`, values };
}

/**
 * A server action's form argument as it arrived. Every action is a public
 * endpoint, and a hand-made request can send any value in its place (null,
 * a string): that is read as an empty form, so the schema says what is
 * missing instead of the action throwing.
 */
export function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
