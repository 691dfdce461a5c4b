import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { fromDbImpact } from "../components/convert";
import { fromDbIncidentStatus } from "../incidents/convert";
import { draftFromIncident } from "./prefill";
import { toRevisionData } from "./queries";

/**
 * Drafts the postmortem of an incident from its public timeline (revision 1).
 * Clicking twice, or two operators at once, opens the same postmortem.
 */
export async function startPostmortem(actor: AuditActor, input: { incidentId: string }): Promise<{ incidentId: string; created: boolean }> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${input.incidentId} FOR UPDATE`;
    const incident = await tx.incident.findUnique({
      where: { id: input.incidentId },
      include: {
        postmortem: { select: { id: true } },
        components: { include: { component: { select: { name: true, position: true } } } },
        // Internal notes stay out of the draft; the editor offers them one by one.
        updates: { where: { isInternal: false } },
      },
    });
    if (!incident) throw new NotFoundError("That incident no longer exists.");
    if (incident.postmortem) return { incidentId: incident.id, created: false };
    if (incident.kind === "MAINTENANCE") throw new ConflictError("Postmortems are written for incidents; maintenance has none.");
    const settings = await tx.pageSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
    const content = draftFromIncident(
      {
        title: incident.title,
        impact: fromDbImpact(incident.impact),
        startedAt: incident.startedAt,
        resolvedAt: incident.resolvedAt,
        components: incident.components.map((link) => link.component).sort((a, b) => a.position - b.position),
        updates: incident.updates.map((update) => ({ ...update, status: update.status ? fromDbIncidentStatus(update.status) : null })),
      },
      settings?.timeZone ?? "UTC",
    );
    const postmortem = await tx.postmortem.create({
      data: {
        incidentId: incident.id,
        currentRevision: 1,
        revisions: { create: { number: 1, ...toRevisionData(content), note: "Drafted from the incident's timeline", authorId: actor.id } },
      },
    });
    await recordAudit(tx, actor, {
      action: "postmortem.drafted",
      entityType: "postmortem",
      entityId: postmortem.id,
      after: { incidentId: incident.id, revision: 1 },
    });
    return { incidentId: incident.id, created: true };
  });
}
