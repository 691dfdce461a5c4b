import { prisma, type TransactionClient } from "../db";
import { fromDbComponentStatus, fromDbImpact } from "../components/convert";
import type { IncidentImpact } from "../components/constants";
import type { AlertRuleView } from "./rules";

/** Rules in the order they are tried. Pass `tx` inside a transaction (a second connection could wait on the first). */
export async function listAlertRules(client: TransactionClient = prisma): Promise<AlertRuleView[]> {
  const rows = await client.alertRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    matchLabels: row.matchLabels as Record<string, string>,
    componentIds: row.componentIds,
    componentStatus: fromDbComponentStatus(row.componentStatus),
    severityImpacts: row.severityImpacts as Record<string, IncidentImpact>,
    defaultImpact: fromDbImpact(row.defaultImpact),
    isAutoPublish: row.autoPublish,
  }));
}
