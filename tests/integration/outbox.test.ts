import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createComponent } from "@/lib/components/save-component";
import { countAudience } from "@/lib/campaigns/audience";
import { controlCampaign } from "@/lib/campaigns/control";
import { campaignProgress } from "@/lib/campaigns/progress";
import { listRecipients } from "@/lib/campaigns/queries";
import { saveCampaignDraft } from "@/lib/campaigns/save-draft";
import { campaignDraftSchema } from "@/lib/campaigns/schemas";
import { sendCampaign } from "@/lib/campaigns/send-campaign";
import { verifyUnsubscribe } from "@/lib/email/unsubscribe";
import { createMailTransport } from "@/lib/outbox/transport";
import { OutboxWorker } from "@/lib/outbox/worker";
import { createAdmin } from "../support/factories";
import { rawHeader, startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let admin: { id: string; email: string };
let sink: SmtpSink;
let webAppId: string;

const noLog = () => {};
const draft = (over: Record<string, unknown> = {}) =>
  campaignDraftSchema.parse({
    kind: "postmortem",
    subject: "A day to forget yet a day to remember",
    body: "Dear {{first_name}},\n\nOn 27th September from 01:00 GMT until 08:30 GMT on the 28th, a deployment of {{company}}'s LeaveWizard lost data.",
    audience: { plans: ["pro"] },
    ...over,
  });

async function drain(worker: OutboxWorker): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

async function insertCustomers(count: number, prefix: string, extra: Partial<{ plan: string; tags: string[] }> = {}) {
  await prisma.customer.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      email: `${prefix}${index}@example.com`,
      name: `${prefix} ${index}`,
      firstName: `First${index}`,
      company: `Company ${index}`,
      plan: "pro",
      ...extra,
    })),
  });
}

beforeAll(async () => {
  admin = await createAdmin();
  sink = await startSmtpSink();
  webAppId = (await createComponent(admin, { name: "Web app", isVisible: true })).id;
  await insertCustomers(40, "pro");
  await prisma.customer.create({
    data: {
      email: "mallory@example.com",
      name: "<script>alert(1)</script>",
      company: "<b>Evil</b> & Co",
      plan: "pro",
      externalId: "acc-mallory",
    },
  });
  await prisma.customer.create({ data: { email: "gone@example.com", name: "Gone", plan: "pro", unsubscribedAt: new Date() } });
  await prisma.customer.create({
    data: { email: "free@example.com", name: "Free", plan: "free", components: { create: { componentId: webAppId } } },
  });
});

afterAll(async () => {
  await sink.stop();
});

describe("composing", () => {
  it("refuses unknown variables when the campaign is written, not in the inbox", () => {
    const parsed = campaignDraftSchema.safeParse({
      kind: "postmortem",
      subject: "Hi {{firstname}}",
      body: "Dear {{ first_name }} of {{org}}",
      audience: {},
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["subject", expect.stringMatching(/^Unknown variable \{\{firstname\}\}: use \{\{first_name\}\}, \{\{name\}\}/)],
      ["body", expect.stringMatching(/^Unknown variable \{\{org\}\}/)],
    ]);
  });

  it("counts the audience: filters combine, the unsubscribed and bounced never count", async () => {
    expect(await countAudience({ componentIds: [], plans: ["pro"], tags: [], accounts: [] })).toBe(41);
    expect(await countAudience({ componentIds: [webAppId], plans: [], tags: [], accounts: [] })).toBe(1);
    expect(
      await countAudience({
        componentIds: [],
        plans: ["pro"],
        tags: [],
        accounts: ["acc-mallory", "PRO1@example.com", "gone@example.com"],
      }),
    ).toBe(2);
  });

  it("queues nothing for an empty audience", async () => {
    const { id } = await saveCampaignDraft(admin, draft({ audience: { plans: ["enterprise"] } }));
    await expect(sendCampaign(admin, { campaignId: id })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.outboxMessage.count({ where: { campaignId: id } })).toBe(0);
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "DRAFT", html: null });
  });
});

describe("sending", () => {
  let campaignId: string;

  it("sends every recipient exactly one message, personalised and escaped, with the bulk headers", async () => {
    campaignId = (await saveCampaignDraft(admin, draft())).id;
    expect(await sendCampaign(admin, { campaignId })).toEqual({ recipients: 41 });
    await expect(sendCampaign(admin, { campaignId })).rejects.toBeInstanceOf(ConflictError);
    await expect(saveCampaignDraft(admin, { ...draft(), campaignId })).rejects.toThrow("A campaign that was sent cannot be changed");
    const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: noLog });
    await drain(worker);
    await worker.stop();

    const received = sink.messages.filter((message) => message.headers.get("x-candor-campaign") === campaignId);
    const recipients = received.map((message) => (message.to as { value: { address: string }[] }).value[0]!.address);
    expect(recipients).toHaveLength(41);
    expect(new Set(recipients).size).toBe(41);
    expect(recipients).not.toContain("gone@example.com");

    const pro7 = received.find((message) => recipients[received.indexOf(message)] === "pro7@example.com")!;
    expect(pro7.subject).toBe("A day to forget yet a day to remember");
    // The page's name as the sender's name: "Candor status" <status@localhost>.
    expect((pro7.from as { value: { name: string; address: string }[] }).value[0]).toEqual({
      name: "Candor status",
      address: "status@localhost",
    });
    expect(pro7.html).toContain("Dear First7,");
    expect(pro7.text).toContain("Dear First7,\n\nOn 27th September");
    expect(pro7.messageId).toMatch(new RegExp(`^<${campaignId}\\.[0-9a-f]{20}@localhost>$`));
    expect(rawHeader(pro7, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = rawHeader(pro7, "List-Unsubscribe")!.match(/^<(.+)>$/)![1]!;
    const link = new URL(unsubscribe);
    expect(verifyUnsubscribe(link.searchParams.get("a")!, link.searchParams.get("t")!)).toBe("pro7@example.com");
    expect(verifyUnsubscribe(link.searchParams.get("a")!, "forged")).toBeNull();

    const mallory = received.find((message) => recipients[received.indexOf(message)] === "mallory@example.com")!;
    expect(mallory.html).toContain("Dear &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(mallory.html).toContain("&lt;b&gt;Evil&lt;/b&gt; &amp; Co");
    expect(mallory.html).not.toMatch(/<script>alert|<b>Evil/);

    expect(await campaignProgress(campaignId)).toMatchObject({ state: "sent", total: 41, sent: 41, failed: 0, pending: 0 });
    expect(await prisma.auditLog.count({ where: { action: "campaign.sent", entityId: campaignId } })).toBe(1);
  });

  it("never sends a row twice with two workers on one database", async () => {
    await insertCustomers(300, "many", { plan: "team" });
    const { id } = await saveCampaignDraft(admin, draft({ audience: { plans: ["team"] } }));
    await sendCampaign(admin, { campaignId: id });
    const workers = [1, 2].map(() => new OutboxWorker({ transport: createMailTransport(sink.url), batchSize: 20, log: noLog }));
    await Promise.all(workers.map(drain));
    await Promise.all(workers.map((worker) => worker.stop()));
    const recipients = sink.messages
      .filter((message) => message.headers.get("x-candor-campaign") === id)
      .map((message) => (message.to as { text: string }).text);
    expect(recipients).toHaveLength(300);
    expect(new Set(recipients).size).toBe(300);
  });

  it("retries while the server refuses (4xx) or is down, marks a 5xx recipient failed and bounced, and retries failed on request", async () => {
    await insertCustomers(20, "retry", { plan: "retry" });
    sink.rejected.add("retry3@example.com");
    const { id } = await saveCampaignDraft(admin, draft({ audience: { plans: ["retry"] } }));
    await sendCampaign(admin, { campaignId: id });
    const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: noLog });
    const before = sink.messages.length;

    sink.mode = "refuse-temporarily";
    await worker.runOnce();
    const inBackoff = await campaignProgress(id);
    expect(inBackoff).toMatchObject({ state: "sending", sent: 0, pending: 20, waiting: 20 });
    const waiting = await prisma.outboxMessage.findFirstOrThrow({ where: { campaignId: id } });
    expect(waiting).toMatchObject({ state: "PENDING", attempts: 1, lastError: expect.stringContaining("451") });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    // Nothing was sent in the last minute, yet the end is known: not before the last retry is due.
    const lastRetry = await prisma.outboxMessage.aggregate({ where: { campaignId: id }, _max: { nextAttemptAt: true } });
    expect(inBackoff!.etaSeconds).toBeGreaterThanOrEqual(Math.floor((lastRetry._max.nextAttemptAt!.getTime() - Date.now()) / 1000) - 1);
    // Each pending row shows when it is tried next.
    const { rows } = await listRecipients(id, { state: "pending" });
    expect(rows[0]!.nextTryAt).toEqual(expect.any(Date));

    sink.mode = "accept";
    await sink.stop();
    await prisma.outboxMessage.updateMany({ where: { campaignId: id }, data: { nextAttemptAt: new Date() } });
    await worker.runOnce();
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { campaignId: id } })).toMatchObject({
      state: "PENDING",
      attempts: 2,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
    });

    await sink.restart();
    await prisma.outboxMessage.updateMany({ where: { campaignId: id }, data: { nextAttemptAt: new Date() } });
    await drain(worker);
    expect(await campaignProgress(id)).toMatchObject({ state: "sent", sent: 19, failed: 1, pending: 0 });
    expect(sink.messages.length - before).toBe(19);
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { campaignId: id, state: "FAILED" } })).toMatchObject({
      recipient: "retry3@example.com",
      lastError: expect.stringContaining("550"),
    });
    expect((await prisma.customer.findUniqueOrThrow({ where: { email: "retry3@example.com" } })).bouncedAt).not.toBeNull();

    sink.rejected.delete("retry3@example.com");
    expect(await controlCampaign(admin, { campaignId: id, control: "retry_failed" })).toEqual({ affected: 1 });
    await drain(worker);
    await worker.stop();
    expect(await campaignProgress(id)).toMatchObject({ state: "sent", sent: 20, failed: 0 });
    expect(await countAudience({ componentIds: [], plans: ["retry"], tags: [], accounts: [] })).toBe(19);
  });

  it("pauses, resumes and cancels", async () => {
    await insertCustomers(10, "pause", { plan: "pause" });
    const { id } = await saveCampaignDraft(admin, draft({ audience: { plans: ["pause"] } }));
    await sendCampaign(admin, { campaignId: id });
    await controlCampaign(admin, { campaignId: id, control: "pause" });
    const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: noLog });
    expect(await worker.runOnce()).toBe(0);
    await controlCampaign(admin, { campaignId: id, control: "resume" });
    expect(await worker.runOnce()).toBe(10);
    await worker.stop();
    await expect(controlCampaign(admin, { campaignId: id, control: "cancel" })).rejects.toThrow("A sent campaign cannot be cancelled.");
  });
});
