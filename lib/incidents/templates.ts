import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { fromDbIncidentStatus, toDbIncidentStatus } from "./convert";
import type { IncidentStatus } from "./constants";
import type { TemplateInput } from "./schemas";

export interface IncidentTemplateView {
  id: string;
  name: string;
  title: string;
  status: IncidentStatus;
  message: string;
}

export async function listIncidentTemplates(): Promise<IncidentTemplateView[]> {
  const rows = await prisma.incidentTemplate.findMany({ orderBy: { name: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    status: fromDbIncidentStatus(row.status),
    message: row.message,
  }));
}

export async function createIncidentTemplate(actor: AuditActor, input: TemplateInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const template = await tx.incidentTemplate.create({ data: { ...input, status: toDbIncidentStatus(input.status) } });
    await recordAudit(tx, actor, {
      action: "incident_template.created",
      entityType: "incident_template",
      entityId: template.id,
      after: input,
    });
  });
}

export async function deleteIncidentTemplate(actor: AuditActor, templateId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const template = await tx.incidentTemplate.findUnique({ where: { id: templateId } });
    if (!template) throw new NotFoundError("That template no longer exists.");
    await tx.incidentTemplate.delete({ where: { id: templateId } });
    await recordAudit(tx, actor, {
      action: "incident_template.deleted",
      entityType: "incident_template",
      entityId: templateId,
      before: { name: template.name },
    });
  });
}
