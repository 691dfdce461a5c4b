// One outbox, several kinds of dispatch, one worker: campaign email, a notice
// (a ready-made email) and webhook deliveries over HTTP to a real server on
// loopback, with the channel's retry rules, and notices before bulk mail.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { campaignProgress } from "@/lib/campaigns/progress";
import { saveCampaignDraft } from "@/lib/campaigns/save-draft";
import { campaignDraftSchema } from "@/lib/campaigns/schemas";
import { sendCampaign } from "@/lib/campaigns/send-campaign";
import { enqueueEmail, enqueueHttp } from "@/lib/outbox/enqueue";
import { createMailTransport } from "@/lib/outbox/transport";
import { OUTBOX_BATCH, OUTBOX_LANES, OutboxWorker } from "@/lib/outbox/worker";
import { createAdmin } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

vi.hoisted(() => {
  // The webhook receiver below listens on loopback, which deliveries refuse by default.
  process.env.CANDOR_WEBHOOKS_ALLOW_PRIVATE = "1";
});

let sink: SmtpSink;
let receiver: Server;
let base: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
/** Status codes each path answers with, one per request (the last repeats). */
const answers: Record<string, number[]> = { "/ok": [204], "/flaky": [503, 200], "/gone": [404], "/busy": [429, 200] };
const noLog = () => {};

beforeAll(async () => {
  sink = await startSmtpSink();
  receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body });
      const codes = answers[path] ?? [404];
      response.writeHead(codes.length > 1 ? codes.shift()! : codes[0]!).end("answer");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await sink.stop();
});

async function drain(worker: OutboxWorker): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

const webhookRow = (path: string) => prisma.outboxMessage.findFirstOrThrow({ where: { kind: "webhook", recipient: `${base}${path}` } });

it("delivers webhooks over HTTP with the same worker: 2xx sent, 5xx and 429 retried, 4xx failed; queued once per endpoint and event", async () => {
  const body = JSON.stringify({ incident: { id: "inc_1", status: "investigating" } });
  const queued = await prisma.$transaction(async (tx) =>
    Promise.all(
      ["/ok", "/flaky", "/gone", "/busy", "/ok"].map((path) =>
        enqueueHttp(tx, {
          kind: "webhook",
          dispatchId: "incident.updated:upd_1",
          url: `${base}${path}`,
          headers: { "content-type": "application/json", "webhook-id": "upd_1" },
          body,
        }),
      ),
    ),
  );
  expect(queued.map((result) => result.isNew)).toEqual([true, true, true, true, false]);

  const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: noLog });
  await drain(worker);
  expect(received.map((request) => request.path).sort()).toEqual(["/busy", "/flaky", "/gone", "/ok"]);
  const ok = received.find((request) => request.path === "/ok")!;
  expect(ok.body).toBe(body);
  expect(ok.headers).toMatchObject({ "content-type": "application/json", "webhook-id": "upd_1" });
  expect(await webhookRow("/ok")).toMatchObject({ state: "SENT", channel: "HTTP", attempts: 1 });
  expect(await webhookRow("/gone")).toMatchObject({ state: "FAILED", lastError: "HTTP 404 answer" });
  const flaky = await webhookRow("/flaky");
  expect(flaky).toMatchObject({ state: "PENDING", attempts: 1, lastError: "HTTP 503 answer" });
  expect(flaky.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
  expect(await webhookRow("/busy")).toMatchObject({ state: "PENDING", lastError: "HTTP 429 answer" });

  // The backoff has passed.
  await prisma.outboxMessage.updateMany({ where: { kind: "webhook", state: "PENDING" }, data: { nextAttemptAt: new Date() } });
  await drain(worker);
  await worker.stop();
  expect(await webhookRow("/flaky")).toMatchObject({ state: "SENT", attempts: 2, lastError: null });
  expect(await webhookRow("/busy")).toMatchObject({ state: "SENT", attempts: 2 });
  expect(received.filter((request) => request.path === "/ok")).toHaveLength(1);
});

it("delivers a notice queued behind a 10,000-message campaign before the campaign's remaining mail", async () => {
  const admin = await createAdmin();
  await prisma.$executeRaw`
    INSERT INTO customers (id, email, first_name, plan, updated_at)
    SELECT 'bulk-' || g, 'bulk' || g || '@example.com', 'F' || g, 'bulk', now() FROM generate_series(1, 10000) AS g`;
  const { id } = await saveCampaignDraft(
    admin,
    campaignDraftSchema.parse({
      kind: "postmortem",
      subject: "Our postmortem",
      body: "Dear {{first_name}}",
      audience: { plans: ["bulk"] },
    }),
  );
  expect(await sendCampaign(admin, { campaignId: id })).toEqual({ recipients: 10_000 });
  const campaignMail = () => sink.messages.filter((message) => message.headers.get("x-candor-campaign") === id).length;

  const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: noLog });
  worker.start();
  await sink.until(() => campaignMail() >= OUTBOX_LANES);
  await prisma.$transaction((tx) =>
    enqueueEmail(tx, {
      kind: "notice",
      dispatchId: "incident.opened:inc_2",
      to: "subscriber@example.com",
      subject: "Investigating: sign-in errors",
      html: "<p>We are investigating sign-in errors.</p>",
      text: "We are investigating sign-in errors.",
    }),
  );
  const campaignMailWhenQueued = campaignMail();
  worker.poke();
  await sink.until(() => sink.messages.some((message) => message.subject === "Investigating: sign-in errors"));
  const campaignMailBeforeNotice = campaignMail() - campaignMailWhenQueued;
  await worker.stop();

  // At most the rest of the batch being sent when it was queued, and the lanes beside it in the next one.
  expect(campaignMailBeforeNotice).toBeLessThanOrEqual(OUTBOX_BATCH + OUTBOX_LANES);
  expect((await campaignProgress(id))!.pending).toBeGreaterThan(9_000);
  const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice" } });
  expect(notice).toMatchObject({ state: "SENT", channel: "EMAIL", priority: 0, recipient: "subscriber@example.com" });
  // The stop gave the campaign's unsent claim back: nothing is left claimed.
  expect(await prisma.outboxMessage.count({ where: { state: "SENDING" } })).toBe(0);
}, 60_000);
