"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { importCustomers, previewCustomerImport, type ImportPreview, type ImportReport } from "@/lib/customers/import-csv";
import { customerFormSchema, saveCustomer } from "@/lib/customers/save-customer";
import { importRequestSchema } from "@/lib/customers/schemas";
import { idsFromForm } from "@/lib/incidents/schemas";
import { runAction } from "../run-action";

export async function saveCustomerAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: customerFormSchema,
    formData,
    input: { ...Object.fromEntries(formData), componentIds: idsFromForm(formData, "componentIds") },
    permission: "customers:write",
    work: saveCustomer,
    message: "Saved.",
    revalidate: ["/admin/customers"],
  });
}

/** Checks an uploaded file without writing anything: the mapping, counts and every bad row. */
export async function previewImportAction(sentFormData: unknown): Promise<ActionResult<ImportPreview>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: importRequestSchema,
    formData,
    permission: "customers:write",
    work: (_operator, input) => previewCustomerImport(input.csv, input.mapping),
    message: "Checked.",
    revalidate: [],
    respond: (preview) => preview,
  });
}

export async function importAction(sentFormData: unknown): Promise<ActionResult<ImportReport>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: importRequestSchema,
    formData,
    permission: "customers:write",
    work: (operator, input) => importCustomers(operator, { text: input.csv, mapping: input.mapping, skipBadRows: input.skipBadRows }),
    message: "Imported.",
    revalidate: ["/admin/customers"],
    respond: (report) => report,
  });
}
