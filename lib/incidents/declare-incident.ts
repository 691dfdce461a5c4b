import { prisma } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { toDbImpact } from "../components/convert";
import { applyIncidentBannerChoice } from "../banner/incident-banner";
import { bannerSeverityForImpact, type BannerSeverity } from "../banner/constants";
import { applyComponentChanges } from "./apply-component-changes";
import { toDbIncidentStatus } from "./convert";
import type { DeclareIncidentInput } from "./schemas";
import { assertUpdateTime } from "./timeline-rules";
import { queueSubscriberNotice } from "../subscribers/notify";
import { queueIncidentCampaign } from "../campaigns/queue-incident-campaign";

/**
 * Opens an incident with its first public update and puts the affected
 * components in their statuses from the start time, which may lie in the past.
 * Optionally publishes the sign-in banner in the same transaction.
 */
export async function declareIncident(
  actor: AuditActor,
  input: Omit<DeclareIncidentInput, "setBanner" | "bannerSeverity" | "notifySubscribers" | "emailCustomers"> & {
    setBanner?: boolean;
    bannerSeverity?: BannerSeverity;
    notifySubscribers?: boolean;
    emailCustomers?: boolean;
  },
  now = new Date(),
): Promise<{ id: string }> {
  const startedAt = input.startedAt ?? now;
  assertUpdateTime(startedAt, new Date(0), now, "startedAt");
  return prisma.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        title: input.title,
        impact: toDbImpact(input.impact),
        status: toDbIncidentStatus(input.status),
        startedAt,
        updates: {
          create: {
            status: toDbIncidentStatus(input.status),
            message: input.message,
            publishedAt: startedAt,
            authorId: actor.id,
            componentChanges: input.components.length ? input.components : undefined,
          },
        },
      },
    });
    await applyComponentChanges(tx, { incidentId: incident.id, changes: input.components });
    if (input.setBanner && input.bannerMessage) {
      await applyIncidentBannerChoice(tx, actor, {
        incidentId: incident.id,
        publish: {
          message: input.bannerMessage,
          severity: input.bannerSeverity ?? bannerSeverityForImpact(input.impact),
          replaceVersion: input.replaceBanner,
        },
      });
    }
    if (input.notifySubscribers) {
      const first = await tx.incidentUpdate.findFirstOrThrow({ where: { incidentId: incident.id }, select: { id: true } });
      await queueSubscriberNotice(tx, {
        event: "incident.created",
        incidentId: incident.id,
        updateId: first.id,
        status: input.status,
        message: input.message,
      });
    }
    if (input.emailCustomers) {
      await queueIncidentCampaign(
        tx,
        actor,
        {
          incidentId: incident.id,
          subject: input.title,
          body: input.message,
          componentIds: input.components.map((change) => change.componentId),
        },
        now,
      );
    }
    await recordAudit(tx, actor, {
      action: "incident.declared",
      entityType: "incident",
      entityId: incident.id,
      after: { ...input, startedAt },
    });
    return { id: incident.id };
  });
}
