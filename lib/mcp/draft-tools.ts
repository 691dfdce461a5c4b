import { prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { TokenActor } from "../api-tokens/authenticate";
import { fromDbImpact } from "../components/convert";
import { createDraft } from "../drafts/create-draft";
import { announceDraftsChanged } from "../drafts/live";
import type { DraftIncidentInput, DraftUpdateInput } from "../drafts/schemas";
import { CLOSED_STATUSES, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../incidents/constants";
import { fromDbIncidentStatus } from "../incidents/convert";

const source = (actor: TokenActor) => `MCP: ${actor.apiToken.name}`;

/** An MCP client's proposed incident: a draft, never published here. */
export async function draftIncident(actor: TokenActor, input: DraftIncidentInput) {
  const draft = await prisma.$transaction(async (tx) => {
    const known = await tx.component.count({ where: { id: { in: input.components.map((change) => change.componentId) } } });
    if (known !== input.components.length) throw new NotFoundError("A component id is not known. Call list_components for the ids.");
    return createDraft(tx, actor, { kind: "incident", source: source(actor), ...input });
  });
  announceDraftsChanged();
  return { draftId: draft.id, state: "draft", note: "Waiting for a person to publish it in Candor's admin." };
}

/** An MCP client's proposed update to an open incident: a draft, never published here. */
export async function draftUpdate(actor: TokenActor, input: DraftUpdateInput) {
  const draft = await prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId } });
    if (!incident) throw new NotFoundError("No incident has this id. Call list_incidents for the ids.");
    const status = fromDbIncidentStatus(incident.status);
    if (CLOSED_STATUSES.includes(status)) throw new ConflictError("This incident is closed; draft a new incident instead.");
    const allowed: readonly string[] = incident.kind === "MAINTENANCE" ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
    if (!allowed.includes(input.status)) throw new ConflictError(`Choose one of: ${allowed.join(", ")}.`);
    return createDraft(tx, actor, {
      kind: "update",
      source: source(actor),
      incidentId: incident.id,
      title: incident.title,
      impact: fromDbImpact(incident.impact),
      status: input.status,
      message: input.message,
      components: input.components,
    });
  });
  announceDraftsChanged();
  return { draftId: draft.id, state: "draft", note: "Waiting for a person to publish it in Candor's admin." };
}
