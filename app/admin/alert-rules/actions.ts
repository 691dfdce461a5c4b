"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { alertRuleIdSchema, alertRuleSchema } from "@/lib/alerts/rule-schemas";
import { createAlertRule, deleteAlertRule } from "@/lib/alerts/save-rule";
import { idsFromForm } from "@/lib/incidents/schemas";
import { runAction } from "../run-action";

export async function createAlertRuleAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: alertRuleSchema,
    formData,
    input: { ...Object.fromEntries(formData), componentIds: idsFromForm(formData, "componentIds") },
    permission: "alert-rules:manage",
    work: createAlertRule,
    message: "Rule added.",
    revalidate: ["/admin/alert-rules"],
  });
}

export async function deleteAlertRuleAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: alertRuleIdSchema,
    formData,
    permission: "alert-rules:manage",
    work: (operator, input) => deleteAlertRule(operator, input.ruleId),
    message: "Rule deleted.",
    revalidate: ["/admin/alert-rules"],
  });
}
