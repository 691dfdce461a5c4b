import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/auth/roles";
import { requireOperator, type Operator } from "@/lib/auth/session";
import { refreshPublicSnapshot } from "@/lib/public-snapshot";

/**
 * The steps every admin form action takes: parse the input with the domain's
 * schema, check the operator's permission on the server, call the domain,
 * refresh the pages that show the change (the public ones through the
 * snapshot), and report the outcome.
 */
export async function runAction<S extends z.ZodType, R, D = undefined>(options: {
  schema: S;
  formData: FormData;
  /** What to parse; defaults to the form's fields. */
  input?: unknown;
  permission: Permission;
  work: (operator: Operator, input: z.infer<S>) => Promise<R>;
  message: string;
  /** Paths whose pages show the change; "/" refreshes every page; [] for reads and changes no page shows (nothing is refreshed). */
  revalidate?: string[];
  /** Where to go after success, instead of reporting the message on the form. */
  redirectTo?: (result: R) => string;
  /** What the caller gets back on success (a client component calling the action). */
  respond?: (result: R) => D;
}): Promise<ActionResult<D>> {
  const parsed = options.schema.safeParse(options.input ?? Object.fromEntries(options.formData));
  if (!parsed.success) return invalidInput(parsed.error, options.formData);
  let result: R;
  try {
    const operator = await requireOperator(options.permission);
    result = await options.work(operator, parsed.data);
  } catch (error) {
    return toActionFailure(error, options.formData);
  }
  const paths = options.revalidate ?? ["/"];
  for (const path of paths) revalidatePath(path, path === "/" ? "layout" : "page");
  // This instance shows the change on the next public request; others within a second.
  if (paths.length > 0) await refreshPublicSnapshot().catch(() => {});
  // redirect() throws to navigate, so it stays outside the try above.
  if (options.redirectTo) redirect(options.redirectTo(result));
  return { ok: true, data: (options.respond ? options.respond(result) : undefined) as D, message: options.message };
}
