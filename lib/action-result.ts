import type { z } from "zod";
import { DomainError, ValidationError } from "./errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function invalidInput(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Some fields need attention.", fieldErrors };
}

/** The one mapping from thrown errors to what a form shows. Unexpected errors are logged, not shown. */
export function toActionFailure(error: unknown): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof DomainError) return { ok: false, message: error.message };
  if (isNextControlFlow(error)) throw error;
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(`[action ${reference}]`, error);
  return { ok: false, message: `Something went wrong on our side (reference ${reference}). Try again.` };
}

/** redirect(), notFound() and forbidden() work by throwing; they must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_") || digest === "DYNAMIC_SERVER_USAGE");
}
