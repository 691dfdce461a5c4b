import { prisma } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { ExtendMaintenanceInput } from "./schemas";

/** Moves a maintenance window's end; the clock completes it at the new time. */
export async function extendMaintenance(actor: AuditActor, input: ExtendMaintenanceInput, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const maintenance = await tx.incident.findUnique({ where: { id: input.incidentId } });
    if (!maintenance || maintenance.kind !== "MAINTENANCE") throw new NotFoundError("That maintenance no longer exists.");
    if (maintenance.status === "COMPLETED") throw new ConflictError("This maintenance is already completed.");
    if (input.scheduledEnd <= now || input.scheduledEnd <= maintenance.scheduledStart!) {
      throw new ValidationError("The new end is too early.", {
        scheduledEnd: ["Choose an end in the future and after the window's start (UTC)."],
      });
    }
    await tx.incident.update({ where: { id: maintenance.id }, data: { scheduledEnd: input.scheduledEnd } });
    await recordAudit(tx, actor, {
      action: "maintenance.window_changed",
      entityType: "incident",
      entityId: maintenance.id,
      before: { scheduledEnd: maintenance.scheduledEnd },
      after: { scheduledEnd: input.scheduledEnd },
    });
  });
}
