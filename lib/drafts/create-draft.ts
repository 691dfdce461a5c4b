import type { TransactionClient } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { toDbImpact } from "../components/convert";
import type { ComponentStatus, IncidentImpact } from "../components/constants";
import { toDbIncidentStatus } from "../incidents/convert";
import type { IncidentStatus } from "../incidents/constants";
import { notifyOperatorsOfDraft } from "./notify-operators";

export interface NewDraft {
  kind: "incident" | "update";
  source: string;
  incidentId?: string | null;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  message: string;
  components: { componentId: string; status: ComponentStatus }[];
}

/**
 * Writes a draft (never public) in the caller's transaction, audited, with
 * the operators' notice. The caller announces it after commit (lib/drafts/live).
 */
export async function createDraft(tx: TransactionClient, actor: AuditActor, draft: NewDraft): Promise<{ id: string }> {
  const row = await tx.draft.create({
    data: {
      kind: draft.kind === "update" ? "UPDATE" : "INCIDENT",
      source: draft.source.slice(0, 120),
      incidentId: draft.incidentId ?? null,
      title: draft.title,
      impact: toDbImpact(draft.impact),
      status: toDbIncidentStatus(draft.status),
      message: draft.message,
      components: draft.components,
    },
  });
  await recordAudit(tx, actor, { action: "draft.created", entityType: "draft", entityId: row.id, after: draft });
  await notifyOperatorsOfDraft(tx, { id: row.id, title: draft.title, source: draft.source });
  return { id: row.id };
}
