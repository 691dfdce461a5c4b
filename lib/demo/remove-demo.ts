import { prisma } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Deletes every demo row (incidents, components, groups); the operator's own data stays. */
export async function removeDemoData(actor: AuditActor): Promise<{ components: number; incidents: number }> {
  return prisma.$transaction(async (tx) => {
    const incidents = await tx.incident.deleteMany({ where: { isDemo: true } });
    const components = await tx.component.deleteMany({ where: { isDemo: true } });
    await tx.componentGroup.deleteMany({ where: { isDemo: true } });
    const removed = { components: components.count, incidents: incidents.count };
    await recordAudit(tx, actor, { action: "demo.removed", entityType: "demo", before: removed });
    return removed;
  });
}

export async function hasDemoData(): Promise<boolean> {
  const [components, incidents] = await Promise.all([
    prisma.component.count({ where: { isDemo: true } }),
    prisma.incident.count({ where: { isDemo: true } }),
  ]);
  return components + incidents > 0;
}
