"use server";

import { revalidatePath } from "next/cache";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { importSubscribers, type SubscriberImportReport } from "@/lib/subscribers/import-csv";
import { importSubscribersSchema } from "@/lib/subscribers/import-schema";

export async function importSubscribersAction(
  _previous: ActionResult<SubscriberImportReport> | null,
  sentFormData: unknown,
): Promise<ActionResult<SubscriberImportReport>> {
  const formData = formDataOf(sentFormData);
  const file = formData.get("file");
  const csv = file instanceof File ? await file.text() : "";
  const parsed = importSubscribersSchema.safeParse({ ...Object.fromEntries(formData), csv });
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("subscribers:manage");
    const report = await importSubscribers(operator, parsed.data);
    revalidatePath("/admin/subscribers");
    if (report.problems.length && !parsed.data.skipProblems)
      return {
        ok: false,
        message: `Nothing imported: ${report.problems.length} rows have problems. Fix them, or tick “Skip rows with problems”.`,
        fieldErrors: { file: report.problems.slice(0, 20).map((problem) => `Line ${problem.line}: ${problem.message}`) },
      };
    return {
      ok: true,
      data: report,
      message: `${report.added} added${parsed.data.hasConsent ? " as confirmed" : "; each was sent a confirmation email"}. ${report.alreadyKnown} already known (left unchanged). ${report.problems.length} rows skipped.`,
    };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}
