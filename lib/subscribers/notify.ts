// Queues a notice about an incident, maintenance or postmortem to the
// confirmed subscribers of its components, inside the caller's transaction:
// the change and its notices commit together. The message is compiled once
// (subscriber_notices); each outbox row names only the subscriber, whose
// links the worker fills in.
import { Prisma, type TransactionClient } from "../db";
import { compileMessage } from "../email/templates";
import { enqueueEmailFanOut } from "../outbox/enqueue";
import { fromDbIncidentStatus } from "../incidents/convert";
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "../incidents/constants";
import { readBranding } from "./messages";
import { noticeSubject, type SubscriberEvent } from "./events";
import { queueWebhookEvent } from "../webhooks/queue-event";

export interface NoticeInput {
  event: SubscriberEvent;
  incidentId: string;
  /** The update that caused it: one notice per update, however often this is called. */
  updateId?: string;
  /** The update's status (a backdated update may not be the incident's current one). */
  status?: IncidentStatus;
  /** Markdown: the update's message, or the postmortem's summary. */
  message: string;
}

/**
 * Needs the caller's transaction. Returns how many subscribers were queued
 * (0 and no notice when an update was already announced).
 */
export async function queueSubscriberNotice(tx: TransactionClient, input: NoticeInput): Promise<{ recipients: number }> {
  if (input.updateId && (await tx.subscriberNotice.findUnique({ where: { updateId: input.updateId }, select: { id: true } })))
    return { recipients: 0 };
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: input.incidentId },
    include: { components: { include: { component: { select: { id: true, name: true } } } } },
  });
  const branding = await readBranding(tx);
  const status = input.event === "postmortem.published" ? null : (input.status ?? fromDbIncidentStatus(incident.status));
  const components = incident.components.map((link) => link.component);
  const isPostmortem = input.event === "postmortem.published";
  const link = `${branding.publicUrl}/incidents/${incident.id}${isPostmortem ? "/postmortem" : ""}`;
  const subject = noticeSubject(input.event, incident.title, status);
  const body = [
    `## ${escapeMarkdown(incident.title)}`,
    status ? `**${INCIDENT_STATUS_LABELS[status]}**` : "**Postmortem published**",
    incident.kind === "MAINTENANCE" && incident.scheduledStart && incident.scheduledEnd
      ? `Planned window: ${utc(incident.scheduledStart)} to ${utc(incident.scheduledEnd)} (UTC).`
      : "",
    input.message,
    components.length ? `Affected: ${components.map((component) => escapeMarkdown(component.name)).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  const message = await compileMessage("subscriber_update", {
    subject,
    body,
    linkUrl: link,
    buttonLabel: isPostmortem ? "Read the postmortem" : incident.kind === "MAINTENANCE" ? "See the maintenance" : "Follow the incident",
    branding,
  });
  const notice = await tx.subscriberNotice.create({
    data: { event: input.event, incidentId: incident.id, updateId: input.updateId ?? null, ...message },
  });
  const componentIds = components.map((component) => component.id);
  const recipients = await enqueueEmailFanOut(tx, {
    kind: "subscriber_notice",
    dispatchId: notice.id,
    recipients: Prisma.sql`
      SELECT s.email, jsonb_build_object('subscriberId', s.id) FROM subscribers s
      WHERE s.state = 'confirmed'
        AND (s.all_components OR EXISTS (
          SELECT 1 FROM subscriber_components sc WHERE sc.subscriber_id = s.id AND sc.component_id = ANY(${componentIds}::text[])))`,
  });
  await tx.subscriberNotice.update({ where: { id: notice.id }, data: { recipients } });
  await queueWebhookEvent(tx, { event: input.event, dispatchId: notice.id, incidentId: incident.id });
  return { recipients };
}

function utc(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** Titles and names are operators' plain text: Markdown characters in them stay literal. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>])/g, "\\$1");
}
