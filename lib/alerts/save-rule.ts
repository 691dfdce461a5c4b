import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { toDbComponentStatus, toDbImpact } from "../components/convert";
import type { AlertRuleInput } from "./rule-schemas";

/** Adds a rule after the others (rules are tried in order; the first match wins). */
export async function createAlertRule(actor: AuditActor, input: AlertRuleInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const known = await tx.component.count({ where: { id: { in: input.componentIds } } });
    if (known !== new Set(input.componentIds).size) throw new NotFoundError("A chosen component no longer exists. Reload the page.");
    const last = await tx.alertRule.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    const rule = await tx.alertRule.create({
      data: {
        name: input.name,
        matchLabels: input.matchLabels,
        componentIds: [...new Set(input.componentIds)],
        componentStatus: toDbComponentStatus(input.componentStatus),
        severityImpacts: input.severityImpacts,
        defaultImpact: toDbImpact(input.defaultImpact),
        autoPublish: input.isAutoPublish,
        position: (last?.position ?? -1) + 1,
      },
    });
    await recordAudit(tx, actor, { action: "alert_rule.created", entityType: "alert_rule", entityId: rule.id, after: input });
    return { id: rule.id };
  });
}

export async function deleteAlertRule(actor: AuditActor, ruleId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const rule = await tx.alertRule.findUnique({ where: { id: ruleId } });
    if (!rule) throw new NotFoundError("That rule no longer exists.");
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAudit(tx, actor, { action: "alert_rule.deleted", entityType: "alert_rule", entityId: ruleId, before: { name: rule.name } });
  });
}
