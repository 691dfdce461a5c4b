// Queues an event to every enabled webhook inside the caller's transaction:
// Statuspage's webhook JSON (signed when sent) or a chat tool's message.
import type { TransactionClient } from "../db";
import { fromDbComponentStatus, fromDbImpact } from "../components/convert";
import { INDICATOR_LABELS, rollUpStatus } from "../components/rollup";
import { fromDbIncidentStatus } from "../incidents/convert";
import { INCIDENT_STATUS_LABELS } from "../incidents/constants";
import { enqueueHttp } from "../outbox/enqueue";
import { getPageSettings } from "../settings/queries";
import { pageIdForUrl } from "../statuspage-api/to-v2";
import { chatBody, type WebhookFormat } from "./formats";

export interface WebhookEvent {
  /** incident.created, maintenance.started, postmortem.published, component.updated, test… */
  event: string;
  /** Unique per event: one delivery per webhook however often it is queued. */
  dispatchId: string;
  incidentId?: string;
  componentUpdate?: { componentId: string; oldStatus: string; newStatus: string };
  /** Restrict to one webhook (Send test event). */
  webhookId?: string;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** Returns how many deliveries were queued (0 without enabled webhooks). */
export async function queueWebhookEvent(tx: TransactionClient, input: WebhookEvent): Promise<number> {
  const webhooks = await tx.webhook.findMany({
    where: { isEnabled: true, ...(input.webhookId ? { id: input.webhookId } : {}) },
    select: { id: true, url: true, format: true },
  });
  if (webhooks.length === 0) return 0;
  const { body, chat } = await buildPayload(tx, input);
  let queued = 0;
  for (const webhook of webhooks) {
    const format = webhook.format as WebhookFormat;
    const result = await enqueueHttp(tx, {
      kind: "webhook",
      dispatchId: `${input.event}:${input.dispatchId}`,
      url: webhook.url,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(format === "statuspage" ? body : chatBody(format, chat)),
      webhook: { id: webhook.id, event: input.event },
    });
    if (result.isNew) queued++;
  }
  return queued;
}

async function buildPayload(tx: TransactionClient, input: WebhookEvent) {
  const settings = await getPageSettings(tx);
  const publicUrl = settings.effectivePublicUrl;
  const components = await tx.component.findMany({ where: { isVisible: true }, orderBy: { position: "asc" } });
  const openImpacts = await tx.incident.findMany({
    where: { kind: "INCIDENT", resolvedAt: null, status: { not: "RESOLVED" } },
    select: { impact: true },
  });
  const indicator = rollUpStatus(
    components.map((component) => fromDbComponentStatus(component.status)),
    openImpacts.map((incident) => fromDbImpact(incident.impact)),
  );
  const pageId = pageIdForUrl(publicUrl);
  const v2Component = (component: (typeof components)[number]) => ({
    id: component.id,
    name: component.name,
    description: component.description,
    status: fromDbComponentStatus(component.status),
    position: component.position,
    group_id: component.groupId,
    page_id: pageId,
    created_at: iso(component.createdAt),
    updated_at: iso(component.updatedAt),
  });
  const body: Record<string, unknown> = {
    meta: {
      unsubscribe: `${publicUrl}/admin/webhooks`,
      documentation: "https://developer.statuspage.io/#section/Webhooks",
      generated_at: iso(new Date()),
      event: input.event,
    },
    page: { id: pageId, status_indicator: indicator, status_description: INDICATOR_LABELS[indicator] },
  };
  let chat = {
    title: settings.pageName,
    status: INDICATOR_LABELS[indicator],
    message: "This is a test event from Candor.",
    link: publicUrl,
  };
  if (input.incidentId) {
    const incident = await tx.incident.findUniqueOrThrow({
      where: { id: input.incidentId },
      include: {
        updates: { where: { isInternal: false }, orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }] },
        components: { include: { component: true } },
      },
    });
    const status = fromDbIncidentStatus(incident.status);
    const names = new Map(components.map((component) => [component.id, component.name]));
    body.incident = {
      id: incident.id,
      name: incident.title,
      status,
      impact: fromDbImpact(incident.impact),
      created_at: iso(incident.createdAt),
      updated_at: iso(incident.updatedAt),
      started_at: iso(incident.startedAt),
      resolved_at: iso(incident.resolvedAt),
      scheduled_for: iso(incident.scheduledStart),
      scheduled_until: iso(incident.scheduledEnd),
      shortlink: `${publicUrl}/incidents/${incident.id}`,
      page_id: pageId,
      postmortem_published_at: input.event === "postmortem.published" ? iso(new Date()) : null,
      incident_updates: incident.updates.map((update) => ({
        id: update.id,
        incident_id: incident.id,
        status: update.status ? fromDbIncidentStatus(update.status) : status,
        body: update.message,
        created_at: iso(update.createdAt),
        updated_at: iso(update.editedAt ?? update.createdAt),
        display_at: iso(update.publishedAt),
        affected_components: affectedComponents(update.componentChanges, names),
      })),
      components: incident.components.map((link) => v2Component(link.component)),
    };
    const latest = incident.updates[0];
    chat = {
      title: incident.title,
      status: input.event === "postmortem.published" ? "Postmortem published" : INCIDENT_STATUS_LABELS[status],
      message: latest?.message ?? "",
      link: `${publicUrl}/incidents/${incident.id}${input.event === "postmortem.published" ? "/postmortem" : ""}`,
    };
  }
  if (input.componentUpdate) {
    const component = components.find((candidate) => candidate.id === input.componentUpdate!.componentId);
    body.component_update = {
      id: input.dispatchId,
      component_id: input.componentUpdate.componentId,
      old_status: input.componentUpdate.oldStatus,
      new_status: input.componentUpdate.newStatus,
      created_at: iso(new Date()),
    };
    if (component) body.component = v2Component(component);
    chat = {
      title: component?.name ?? "Component",
      status: input.componentUpdate.newStatus.replaceAll("_", " "),
      message: `Was ${input.componentUpdate.oldStatus.replaceAll("_", " ")}.`,
      link: publicUrl,
    };
  }
  return { body, chat };
}

function affectedComponents(changes: unknown, names: Map<string, string>) {
  if (!Array.isArray(changes)) return [];
  return changes
    .filter((change): change is { componentId: string; status: string } => typeof change?.componentId === "string")
    .map((change) => ({ code: change.componentId, name: names.get(change.componentId) ?? "", new_status: change.status }));
}
