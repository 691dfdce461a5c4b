import { prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import { applyComponentChanges } from "./apply-component-changes";
import { MAINTENANCE_COMPLETED_MESSAGE, MAINTENANCE_STARTED_MESSAGE } from "./constants";
import { refreshIncident } from "./refresh-incident";
import { queueSubscriberNotice } from "../subscribers/notify";

/**
 * Moves maintenance along by the clock, with nobody present: a window that
 * has begun starts (components under maintenance from its start), a window
 * that has ended completes (components operational from its end). The
 * updates carry the window's own times, so a late run writes the same
 * history as a punctual one. Safe to run on several instances at once.
 * Returns how many maintenances changed.
 */
export async function advanceMaintenance(now = new Date()): Promise<number> {
  const due = await prisma.incident.findMany({
    where: {
      kind: "MAINTENANCE",
      OR: [
        { status: "SCHEDULED", scheduledStart: { lte: now } },
        { status: { in: ["IN_PROGRESS", "VERIFYING"] }, scheduledEnd: { lte: now } },
      ],
    },
    select: { id: true },
  });
  let changed = 0;
  for (const { id } of due) if (await advanceOne(id, now)) changed += 1;
  return changed;
}

interface Step {
  status: "IN_PROGRESS" | "COMPLETED";
  at: Date;
  message: string;
}

async function advanceOne(incidentId: string, now: Date): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // Another instance may be advancing it right now: skip rather than wait.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return false;
    const maintenance = await tx.incident.findUniqueOrThrow({
      where: { id: incidentId },
      include: { components: { select: { componentId: true } } },
    });
    const startDue = maintenance.status === "SCHEDULED" && maintenance.scheduledStart! <= now;
    const isRunning = startDue || maintenance.status === "IN_PROGRESS" || maintenance.status === "VERIFYING";
    const steps: Step[] = [];
    if (startDue) steps.push({ status: "IN_PROGRESS", at: maintenance.scheduledStart!, message: MAINTENANCE_STARTED_MESSAGE });
    // A window that began and ended while the clock did not run gets both steps.
    if (isRunning && maintenance.scheduledEnd! <= now) {
      steps.push({ status: "COMPLETED", at: maintenance.scheduledEnd!, message: MAINTENANCE_COMPLETED_MESSAGE });
    }
    const componentIds = maintenance.components.map(({ componentId }) => componentId);
    for (const step of steps) {
      // Completion releases each component: the entry is relabelled with what held it then.
      const changes = componentIds.map((componentId) =>
        step.status === "COMPLETED"
          ? { componentId, status: "operational" as const, isDefault: true }
          : { componentId, status: "under_maintenance" as const },
      );
      const update = await tx.incidentUpdate.create({
        data: {
          incidentId,
          status: step.status,
          message: step.message,
          publishedAt: step.at,
          componentChanges: changes.length ? changes : undefined,
        },
      });
      await applyComponentChanges(tx, { incidentId, changes });
      await refreshIncident(tx, incidentId);
      // Announced when scheduled, so its start and end are told too.
      await queueSubscriberNotice(tx, {
        event: step.status === "COMPLETED" ? "maintenance.completed" : "maintenance.started",
        incidentId,
        updateId: update.id,
        status: step.status === "COMPLETED" ? "completed" : "in_progress",
        message: step.message,
      });
      await recordAudit(tx, null, {
        action: "maintenance.advanced",
        entityType: "incident",
        entityId: incidentId,
        after: { status: step.status.toLowerCase(), at: step.at },
      });
    }
    if (steps.length) await refreshIncident(tx, incidentId);
    return steps.length > 0;
  });
}
