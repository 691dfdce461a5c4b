import { prisma } from "../db";
import { ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { ScheduleMaintenanceInput } from "./schemas";
import { queueSubscriberNotice } from "../subscribers/notify";

/**
 * Schedules maintenance: an incident of kind maintenance with a planned
 * window. The clock (advanceMaintenance) starts and completes it.
 */
export async function scheduleMaintenance(actor: AuditActor, input: ScheduleMaintenanceInput, now = new Date()): Promise<{ id: string }> {
  if (input.scheduledEnd <= now) {
    throw new ValidationError("The window is over.", {
      scheduledEnd: ["The window has already ended. Choose an end in the future (UTC)."],
    });
  }
  return prisma.$transaction(async (tx) => {
    const found = await tx.component.count({ where: { id: { in: input.componentIds } } });
    if (found !== new Set(input.componentIds).size) {
      throw new ValidationError("Some components no longer exist.", {
        components: ["A chosen component no longer exists. Reload the page and choose again."],
      });
    }
    const maintenance = await tx.incident.create({
      data: {
        kind: "MAINTENANCE",
        title: input.title,
        impact: "NONE",
        status: "SCHEDULED",
        startedAt: input.scheduledStart,
        scheduledStart: input.scheduledStart,
        scheduledEnd: input.scheduledEnd,
        // A component named twice (a hand-made request) is linked once, not a unique-key failure.
        components: {
          create: [...new Set(input.componentIds)].map((componentId) => ({ componentId, status: "UNDER_MAINTENANCE" as const })),
        },
        updates: {
          create: {
            status: "SCHEDULED",
            message: input.message,
            publishedAt: now < input.scheduledStart ? now : input.scheduledStart,
            authorId: actor.id,
          },
        },
      },
    });
    // Scheduling is the public announcement: subscribers of the components hear of it.
    const first = await tx.incidentUpdate.findFirstOrThrow({ where: { incidentId: maintenance.id }, select: { id: true } });
    await queueSubscriberNotice(tx, {
      event: "maintenance.scheduled",
      incidentId: maintenance.id,
      updateId: first.id,
      status: "scheduled",
      message: input.message,
    });
    await recordAudit(tx, actor, { action: "maintenance.scheduled", entityType: "incident", entityId: maintenance.id, after: input });
    return { id: maintenance.id };
  });
}
