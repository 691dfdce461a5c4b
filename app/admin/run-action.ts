import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/auth/roles";
import { requireOperator, type Operator } from "@/lib/auth/session";

/**
 * The steps every admin form action takes: parse the input with the domain's
 * schema, check the operator's permission on the server, call the domain,
 * refresh the pages that show the change, and report the outcome.
 */
export async function runAction<S extends z.ZodType>(options: {
  schema: S;
  formData: FormData;
  /** What to parse; defaults to the form's fields. */
  input?: unknown;
  permission: Permission;
  work: (operator: Operator, input: z.infer<S>) => Promise<unknown>;
  message: string;
  /** Paths whose pages show the change; "/" refreshes every page. */
  revalidate?: string[];
}): Promise<ActionResult> {
  const parsed = options.schema.safeParse(options.input ?? Object.fromEntries(options.formData));
  if (!parsed.success) return invalidInput(parsed.error, options.formData);
  try {
    const operator = await requireOperator(options.permission);
    await options.work(operator, parsed.data);
    for (const path of options.revalidate ?? ["/"]) revalidatePath(path, path === "/" ? "layout" : "page");
    return { ok: true, data: undefined, message: options.message };
  } catch (error) {
    return toActionFailure(error, options.formData);
  }
}
