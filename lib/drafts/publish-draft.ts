import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { publishBanner } from "../banner/publish-banner";
import type { ComponentStatus } from "../components/constants";
import { fromDbImpact } from "../components/convert";
import { declareIncident } from "../incidents/declare-incident";
import { fromDbIncidentStatus } from "../incidents/convert";
import { postIncidentUpdate } from "../incidents/post-update";
import { announceDraftsChanged } from "./live";
import type { PublishDraftInput } from "./schemas";

/**
 * Publishes a draft through the same verbs as the declare and update forms,
 * with the declare form's banner option. The draft is claimed first (open →
 * published), so two operators clicking at once publish it once; if the
 * incident cannot be written the claim is given back.
 */
export async function publishDraft(actor: AuditActor, input: PublishDraftInput, now = new Date()): Promise<{ incidentId: string }> {
  const claimed = await prisma.draft.updateMany({
    where: { id: input.draftId, state: "OPEN" },
    data: { state: "PUBLISHED", decidedAt: now },
  });
  const draft = await prisma.draft.findUnique({ where: { id: input.draftId } });
  if (!draft) throw new NotFoundError("That draft no longer exists.");
  if (claimed.count === 0) throw new ConflictError(`This draft was already ${draft.state === "DISMISSED" ? "dismissed" : "published"}.`);
  try {
    const components = await existingChanges(draft.components as { componentId: string; status: ComponentStatus }[]);
    const impact = fromDbImpact(draft.impact);
    let incidentId: string;
    if (draft.kind === "INCIDENT") {
      const status = fromDbIncidentStatus(draft.status) as "investigating" | "identified" | "monitoring";
      ({ id: incidentId } = await declareIncident(
        actor,
        {
          title: draft.title,
          impact,
          status,
          message: draft.message,
          components,
          setBanner: input.setBanner,
          bannerMessage: input.bannerMessage,
        },
        now,
      ));
    } else {
      if (!draft.incidentId) throw new NotFoundError("The incident this draft updates no longer exists.");
      ({ incidentId } = await postIncidentUpdate(
        actor,
        { incidentId: draft.incidentId, status: fromDbIncidentStatus(draft.status), message: draft.message, components },
        now,
      ));
      if (input.setBanner && input.bannerMessage) {
        const severity = impact === "critical" ? "critical" : impact === "none" ? "info" : "warning";
        await publishBanner(actor, { kind: "publish", input: { message: input.bannerMessage, severity, incidentId } });
      }
    }
    await prisma.$transaction(async (tx) => {
      await tx.draft.update({ where: { id: draft.id }, data: { incidentId } });
      await tx.alert.updateMany({ where: { draftId: draft.id }, data: { incidentId } });
      await recordAudit(tx, actor, {
        action: "draft.published",
        entityType: "draft",
        entityId: draft.id,
        after: { incidentId, setBanner: input.setBanner },
      });
    });
    return { incidentId };
  } catch (error) {
    await prisma.draft.update({ where: { id: draft.id }, data: { state: "OPEN", decidedAt: null } });
    throw error;
  } finally {
    announceDraftsChanged();
  }
}

/** A component removed since the draft was written is left out rather than failing the publish. */
async function existingChanges(changes: { componentId: string; status: ComponentStatus }[]) {
  const ids = new Set(
    (await prisma.component.findMany({ where: { id: { in: changes.map((change) => change.componentId) } }, select: { id: true } })).map(
      (component) => component.id,
    ),
  );
  return changes.filter((change) => ids.has(change.componentId));
}
