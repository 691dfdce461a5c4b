import { prisma } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { applyIncidentBannerChoice } from "../banner/incident-banner";
import { applyComponentChanges } from "./apply-component-changes";
import { CLOSED_STATUSES, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "./constants";
import { fromDbIncidentStatus, toDbIncidentStatus } from "./convert";
import { refreshIncident } from "./refresh-incident";
import type { RecordedComponentChange } from "../components/rebuild-history";
import type { PostUpdateInput } from "./schemas";
import { assertUpdateTime } from "./timeline-rules";
import { eventForUpdate } from "../subscribers/events";
import { queueSubscriberNotice } from "../subscribers/notify";

/**
 * Posts a public update at a time that defaults to now and may be backdated.
 * Its component changes take effect at that time. Closing it (resolved /
 * completed) releases every affected component: from then it shows what
 * other incidents held it in at that time (or its own status), unless the
 * update sets it explicitly. Refuses updates to a closed incident.
 */
export async function postIncidentUpdate(
  actor: AuditActor,
  input: Omit<PostUpdateInput, "updateBanner" | "notifySubscribers"> & { updateBanner?: boolean; notifySubscribers?: boolean },
  now = new Date(),
): Promise<{ id: string; incidentId: string }> {
  return prisma.$transaction(async (tx) => {
    // Lock the incident: two operators resolving at once must not both succeed.
    await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${input.incidentId} FOR UPDATE`;
    const incident = await tx.incident.findUnique({
      where: { id: input.incidentId },
      include: { components: { select: { componentId: true } } },
    });
    if (!incident) throw new NotFoundError("That incident no longer exists.");
    const current = fromDbIncidentStatus(incident.status);
    if (CLOSED_STATUSES.includes(current)) {
      throw new ConflictError(
        `This ${incident.kind === "MAINTENANCE" ? "maintenance is completed" : "incident is resolved"}. Add an internal note instead, or declare a new incident.`,
      );
    }
    const allowed: readonly string[] = incident.kind === "MAINTENANCE" ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
    if (!allowed.includes(input.status)) {
      throw new ValidationError("That status does not apply here.", { status: [`Choose one of: ${allowed.join(", ")}.`] });
    }
    const publishedAt = input.publishedAt ?? now;
    assertUpdateTime(
      publishedAt,
      incident.kind === "MAINTENANCE" ? new Date(Math.min(incident.createdAt.getTime(), incident.startedAt.getTime())) : incident.startedAt,
      now,
    );
    const affectedIds = incident.components.map((link) => link.componentId);
    const changes = withDefaultChanges(input, incident.kind, affectedIds);
    const update = await tx.incidentUpdate.create({
      data: {
        incidentId: incident.id,
        status: toDbIncidentStatus(input.status),
        message: input.message,
        publishedAt,
        authorId: actor.id,
        componentChanges: changes.length ? changes : undefined,
      },
    });
    await applyComponentChanges(tx, { incidentId: incident.id, changes });
    await refreshIncident(tx, incident.id);
    await applyIncidentBannerChoice(tx, actor, {
      incidentId: incident.id,
      publish:
        input.updateBanner && input.bannerMessage
          ? { message: input.bannerMessage, severity: input.bannerSeverity ?? "warning", replaceVersion: input.replaceBanner }
          : undefined,
      clearVersion: CLOSED_STATUSES.includes(input.status) ? input.clearBanner : undefined,
    });
    if (input.notifySubscribers) {
      const { kind } = incident;
      await queueSubscriberNotice(tx, {
        event: eventForUpdate(kind, input.status, false),
        incidentId: incident.id,
        updateId: update.id,
        status: input.status,
        message: input.message,
      });
    }
    await recordAudit(tx, actor, {
      action: "incident.update_posted",
      entityType: "incident",
      entityId: incident.id,
      after: { updateId: update.id, ...input, publishedAt },
    });
    return { id: update.id, incidentId: incident.id };
  });
}

/**
 * Closing releases the affected components (the entry names the status they
 * returned to, filled in when the history is derived); maintenance starting
 * puts them under maintenance. Changes the operator chose win.
 */
function withDefaultChanges(
  input: Pick<PostUpdateInput, "components" | "status">,
  kind: string,
  affectedIds: string[],
): RecordedComponentChange[] {
  const explicit = new Map<string, RecordedComponentChange>(input.components.map((change) => [change.componentId, change]));
  const isClosing = CLOSED_STATUSES.includes(input.status);
  for (const componentId of affectedIds) {
    if (explicit.has(componentId)) continue;
    if (isClosing) explicit.set(componentId, { componentId, status: "operational", isDefault: true });
    else if (kind === "MAINTENANCE" && input.status === "in_progress")
      explicit.set(componentId, { componentId, status: "under_maintenance" });
  }
  return [...explicit.values()];
}
