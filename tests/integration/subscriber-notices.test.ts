// Notices to subscribers: queued with the change, only to the confirmed
// subscribers of the affected components, once per update, delivered by the
// outbox worker to a real SMTP server on loopback with RFC 8058 headers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { addInternalNote } from "@/lib/incidents/add-note";
import { advanceMaintenance } from "@/lib/incidents/advance-maintenance";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { editIncidentUpdate } from "@/lib/incidents/edit-update";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { scheduleMaintenance } from "@/lib/incidents/schedule-maintenance";
import { createMailTransport } from "@/lib/outbox/transport";
import { changePostmortemState } from "@/lib/postmortems/change-state";
import { findPostmortem } from "@/lib/postmortems/queries";
import { savePostmortemRevision } from "@/lib/postmortems/save-revision";
import { startPostmortem } from "@/lib/postmortems/start-postmortem";
import { OutboxWorker } from "@/lib/outbox/worker";
import { getSubscriptionByToken } from "@/lib/subscribers/manage";
import { hashToken, manageTokenFor } from "@/lib/subscribers/tokens";
import { POST as oneClickRoute } from "@/app/api/unsubscribe/route";
import { createAdmin } from "../support/factories";
import { rawHeader, startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let sink: SmtpSink;
let worker: OutboxWorker;
let admin: { id: string; email: string };
let api: string;
let web: string;

async function addSubscriber(email: string, componentIds: string[], state: "CONFIRMED" | "PENDING" | "UNSUBSCRIBED" = "CONFIRMED") {
  const id = randomUUID();
  await prisma.subscriber.create({
    data: {
      id,
      email,
      state,
      allComponents: componentIds.length === 0,
      manageTokenHash: hashToken(manageTokenFor(id)),
      components: { create: componentIds.map((componentId) => ({ componentId })) },
    },
  });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: () => {} });
  admin = await createAdmin();
  api = (await createComponent(admin, { name: "API", isVisible: true })).id;
  web = (await createComponent(admin, { name: "Website", isVisible: true })).id;
  await addSubscriber("api@example.com", [api]);
  await addSubscriber("web@example.com", [web]);
  await addSubscriber("everything@example.com", []);
  await addSubscriber("pending@example.com", [], "PENDING");
  await addSubscriber("gone@example.com", [], "UNSUBSCRIBED");
});

afterAll(async () => {
  await sink.stop();
});

beforeEach(() => {
  sink.messages.length = 0;
});

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

function recipients(messages: ParsedMail[] = sink.messages): string[] {
  return messages.map((message) => (Array.isArray(message.to) ? message.to[0] : message.to)!.value[0]!.address!).sort();
}

const hourAgo = () => new Date(Date.now() - 3_600_000);

async function declareOnApi(notifySubscribers: boolean) {
  return declareIncident(admin, {
    title: "API errors",
    impact: "major",
    status: "investigating",
    message: "Requests to the API fail for some customers.",
    startedAt: hourAgo(),
    components: [{ componentId: api, status: "partial_outage" }],
    notifySubscribers,
  });
}

describe("notices to subscribers", () => {
  it("tells only the confirmed subscribers of the affected component, with their preferences link and a one-click header", async () => {
    await declareOnApi(true);
    await drain();
    expect(recipients()).toEqual(["api@example.com", "everything@example.com"]);
    const message = sink.messages.find((sent) => recipients([sent])[0] === "api@example.com")!;
    expect(message.subject).toBe("Investigating: API errors");
    expect(message.text).toContain("Requests to the API fail for some customers.");
    expect(message.text).toContain("Affected: API.");
    expect(rawHeader(message, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const token = /\/subscription\?token=([A-Za-z0-9_-]{43})/.exec(message.html as string)![1]!;
    expect((await getSubscriptionByToken(token)).email).toBe("api@example.com");

    // The header's link unsubscribes at once, by POST (RFC 8058).
    const oneClick = rawHeader(message, "List-Unsubscribe")!.replace(/^<|>$/g, "");
    expect((await oneClickRoute(new Request(oneClick, { method: "POST", body: "List-Unsubscribe=One-Click" }))).status).toBe(200);
    expect((await getSubscriptionByToken(token)).state).toBe("unsubscribed");
    await prisma.subscriber.update({ where: { email: "api@example.com" }, data: { state: "CONFIRMED" } });
  });

  it("notifies on each posted update unless unticked; never for an edit or an internal note", async () => {
    const { id } = await declareOnApi(false);
    await drain();
    expect(sink.messages).toHaveLength(0);
    const update = await postIncidentUpdate(admin, {
      incidentId: id,
      status: "identified",
      message: "Found it.",
      components: [],
      notifySubscribers: true,
    });
    await drain();
    expect(recipients()).toEqual(["api@example.com", "everything@example.com"]);
    sink.messages.length = 0;

    const rowsBefore = await prisma.outboxMessage.count();
    await editIncidentUpdate(admin, { updateId: update.id, message: "Found it: a bad deploy." });
    await addInternalNote(admin, { incidentId: id, message: "Rolling back." });
    await postIncidentUpdate(admin, {
      incidentId: id,
      status: "monitoring",
      message: "Watching.",
      components: [],
      notifySubscribers: false,
    });
    expect(await prisma.outboxMessage.count()).toBe(rowsBefore);

    await postIncidentUpdate(admin, { incidentId: id, status: "resolved", message: "Fixed.", components: [], notifySubscribers: true });
    await drain();
    expect(sink.messages.map((message) => message.subject)).toEqual(["Resolved: API errors", "Resolved: API errors"]);
  });

  it("announces maintenance when scheduled, started and completed, to the subscribers of its components", async () => {
    const start = new Date(Date.now() + 60_000);
    const { id } = await scheduleMaintenance(admin, {
      title: "Database upgrade",
      message: "The website is read-only for ten minutes.",
      scheduledStart: start,
      scheduledEnd: new Date(start.getTime() + 600_000),
      componentIds: [web],
    });
    await advanceMaintenance(new Date(start.getTime() + 700_000));
    await drain();
    const notices = await prisma.subscriberNotice.findMany({ where: { incidentId: id }, orderBy: { createdAt: "asc" } });
    expect(notices.map((notice) => [notice.event, notice.recipients])).toEqual([
      ["maintenance.scheduled", 2],
      ["maintenance.started", 2],
      ["maintenance.completed", 2],
    ]);
    expect(new Set(recipients())).toEqual(new Set(["web@example.com", "everything@example.com"]));
    expect(sink.messages.map((message) => message.subject)).toContain("Scheduled maintenance: Database upgrade");
  });

  it("tells the subscribers of its components when a postmortem is published", async () => {
    const { id } = await declareOnApi(false);
    await postIncidentUpdate(admin, { incidentId: id, status: "resolved", message: "Fixed.", components: [] });
    await startPostmortem(admin, { incidentId: id });
    let postmortem = (await findPostmortem(id))!;
    const content = {
      ...postmortem.current.content,
      sections: postmortem.current.content.sections.map((section) =>
        section.key === "summary" ? { ...section, body: "A bad deploy broke the API for an hour." } : section,
      ),
    };
    await savePostmortemRevision(admin, { incidentId: id, baseRevision: postmortem.currentRevision, content });
    postmortem = (await findPostmortem(id))!;
    const act = (action: "submit" | "publish") =>
      changePostmortemState(admin, { incidentId: id, action, revision: postmortem.currentRevision, confirmInternalNotes: false });
    await act("submit");
    await act("publish");
    await drain();
    expect(sink.messages.map((message) => [recipients([message])[0], message.subject]).sort()).toEqual([
      ["api@example.com", "Postmortem: API errors"],
      ["everything@example.com", "Postmortem: API errors"],
    ]);
    expect(sink.messages[0]!.text).toContain(`/incidents/${id}/postmortem`);
    expect(await prisma.subscriberNotice.count({ where: { incidentId: id, event: "postmortem.published" } })).toBe(1);
  });

  it("emails the customers using the components from the one-screen declare, in the same transaction", async () => {
    await prisma.customer.create({ data: { email: "buyer@example.com", components: { create: [{ componentId: api }] } } });
    await prisma.customer.create({ data: { email: "other@example.com", components: { create: [{ componentId: web }] } } });
    const { id } = await declareIncident(admin, {
      title: "API slow",
      impact: "minor",
      status: "investigating",
      message: "Slow responses.",
      startedAt: hourAgo(),
      components: [{ componentId: api, status: "degraded_performance" }],
      notifySubscribers: false,
      emailCustomers: true,
    });
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { incidentId: id } });
    expect(campaign).toMatchObject({ state: "SENDING", recipients: 1 });
    await drain();
    expect(recipients()).toEqual(["buyer@example.com"]);
  });
});
