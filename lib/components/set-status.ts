import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import { queueWebhookEvent } from "../webhooks/queue-event";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { COMPONENT_STATUS_LABELS } from "./constants";
import { fromDbComponentStatus } from "./convert";
import { rebuildComponentHistory } from "./rebuild-history";
import type { SetComponentStatusInput } from "./schemas";

/**
 * An operator sets a component's own status by hand, from now. Refused
 * (nothing written) while an open incident holds it in a worse status: the
 * component shows the worst of the two, so the change would not show.
 */
export async function setComponentStatus(actor: AuditActor, input: SetComponentStatusInput, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { status: true } });
    if (!component) throw new NotFoundError("That component no longer exists.");
    const intervals = await rebuildComponentHistory(tx, input.componentId, { at: now, status: input.status });
    const shown = intervals.at(-1)!;
    if (shown.status !== input.status && shown.incidentId) {
      const incident = await tx.incident.findUnique({ where: { id: shown.incidentId }, select: { title: true } });
      throw new ConflictError(
        `“${incident?.title ?? "An open incident"}” holds this component in ${COMPONENT_STATUS_LABELS[shown.status].toLowerCase()}. Post an update on that incident to change it.`,
      );
    }
    await recordAudit(tx, actor, {
      action: "component.status_changed",
      entityType: "component",
      entityId: input.componentId,
      before: { status: fromDbComponentStatus(component.status) },
      after: { status: input.status },
    });
    const oldStatus = fromDbComponentStatus(component.status);
    if (oldStatus !== input.status) {
      await queueWebhookEvent(tx, {
        event: "component.updated",
        dispatchId: randomUUID(),
        componentUpdate: { componentId: input.componentId, oldStatus, newStatus: input.status },
      });
    }
  });
}
