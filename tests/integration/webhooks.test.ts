// Webhooks through the outbox to real HTTP servers on loopback: Standard
// Webhooks signatures checked with the standardwebhooks package's own verify,
// Statuspage's payload shape, retries, the delivery log, the disable rule,
// receivers that hang, redirect, fail or send 10 MB, and private addresses.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { setComponentStatus } from "@/lib/components/set-status";
import { createHttpTransport, createMailTransport } from "@/lib/outbox/transport";
import { OutboxWorker } from "@/lib/outbox/worker";
import { addWebhook, sendTestEvent, setWebhookEnabled } from "@/lib/webhooks/manage-webhooks";
import { sealStoredWebhookSecrets } from "@/lib/webhooks/seal-stored-secrets";
import { sealSecret } from "@/lib/webhooks/secret-box";
import { DISABLE_AFTER_FAILURES } from "@/lib/webhooks/record-delivery";
import { createAdmin } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

vi.hoisted(() => {
  // The receivers below listen on loopback.
  process.env.CANDOR_WEBHOOKS_ALLOW_PRIVATE = "1";
});

interface Payload {
  meta: { event: string };
  page: { status_indicator: string; status_description: string };
  incident: { incident_updates: unknown[]; components: unknown[] };
}

let sink: SmtpSink;
let receiver: Server;
let base: string;
let admin: { id: string; email: string };
let api: string;
let web: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const flakyAnswers = [503, 200];
const hanging: (() => void)[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body });
      if (path === "/ok") return response.writeHead(204).end();
      if (path === "/flaky") return response.writeHead(flakyAnswers.length > 1 ? flakyAnswers.shift()! : flakyAnswers[0]!).end("flaky");
      if (path === "/down") return response.writeHead(500).end("down for good");
      if (path === "/redirect") return response.writeHead(302, { location: "http://127.0.0.1:1/" }).end();
      if (path === "/hang") return hanging.push(() => response.destroy());
      if (path === "/big") {
        response.writeHead(200, { "content-type": "text/plain" });
        const chunk = "x".repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 10 * 1024 * 1024 && !response.destroyed) {
            sent += chunk.length;
            if (!response.write(chunk)) return response.once("drain", pump);
          }
          response.end();
        };
        response.on("error", () => {});
        return pump();
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  admin = await createAdmin();
  api = (await createComponent(admin, { name: "API", isVisible: true })).id;
  web = (await createComponent(admin, { name: "Website", isVisible: true })).id;
});

afterAll(async () => {
  for (const release of hanging) release();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await sink.stop();
});

beforeEach(async () => {
  received.length = 0;
  await prisma.webhook.deleteMany();
});

function newWorker(http = createHttpTransport(60_000)) {
  return new OutboxWorker({ transport: createMailTransport(sink.url), http, log: () => {} });
}

async function drain(worker: OutboxWorker): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

async function declare(title: string) {
  return declareIncident(admin, {
    title,
    impact: "major",
    status: "investigating",
    message: "Requests fail.",
    startedAt: new Date(Date.now() - 60_000),
    components: [{ componentId: api, status: "major_outage" }],
    notifySubscribers: true,
  });
}

/** Makes every pending retry due now (the worker's backoff is minutes). */
const makeRetriesDue = () => prisma.outboxMessage.updateMany({ where: { state: "PENDING" }, data: { nextAttemptAt: new Date(0) } });

describe("webhooks", () => {
  it("delivers Statuspage's JSON shape, signed so that standardwebhooks' own verify accepts it, and logs the delivery", async () => {
    const { id: webhookId, secret } = await addWebhook(admin, { url: `${base}/ok` });
    expect(secret).toMatch(/^whsec_/);
    const { id } = await declare("API down");
    await drain(newWorker());
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const payload = new Webhook(secret).verify(delivery!.body, delivery!.headers as Record<string, string>) as Payload;
    expect(payload.meta).toMatchObject({ event: "incident.created" });
    expect(payload.page).toMatchObject({ status_indicator: "critical", status_description: expect.any(String) });
    expect(payload.incident).toMatchObject({ id, name: "API down", status: "investigating", impact: "major" });
    expect(payload.incident.incident_updates[0]).toMatchObject({
      body: "Requests fail.",
      affected_components: [{ code: api, new_status: "major_outage" }],
    });
    expect(payload.incident.components).toEqual([expect.objectContaining({ id: api, name: "API", status: "major_outage" })]);
    // A tampered body fails verification.
    expect(() =>
      new Webhook(secret).verify(delivery!.body.replace("API down", "All fine"), delivery!.headers as Record<string, string>),
    ).toThrow();
    expect(await prisma.webhookDelivery.findMany({ where: { webhookId } })).toEqual([
      expect.objectContaining({ event: "incident.created", status: 204, isSuccess: true }),
    ]);
  });

  it("retries a 5xx with backoff, signing each attempt afresh", async () => {
    const { id: webhookId, secret } = await addWebhook(admin, { url: `${base}/flaky` });
    await declare("Flaky receiver");
    const worker = newWorker();
    await drain(worker);
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "webhook", recipient: `${base}/flaky` } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, lastError: "HTTP 503 flaky" });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await makeRetriesDue();
    await drain(worker);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "SENT", attempts: 2 });
    expect(received).toHaveLength(2);
    for (const attempt of received)
      expect(() => new Webhook(secret).verify(attempt.body, attempt.headers as Record<string, string>)).not.toThrow();
    const log = await prisma.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => [entry.status, entry.isSuccess, entry.response])).toEqual([
      [503, false, "HTTP 503 flaky"],
      [200, true, "flaky"],
    ]);
  });

  it(`is disabled after ${DISABLE_AFTER_FAILURES} consecutive failures, and the admins are emailed`, async () => {
    const { id: webhookId } = await addWebhook(admin, { url: `${base}/down` });
    await prisma.webhook.update({ where: { id: webhookId }, data: { consecutiveFailures: DISABLE_AFTER_FAILURES - 1 } });
    await declare("Receiver down");
    const worker = newWorker();
    await drain(worker);
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      isEnabled: false,
      consecutiveFailures: DISABLE_AFTER_FAILURES,
    });
    expect(sink.messages.map((message) => message.subject)).toContain(`Webhook disabled after ${DISABLE_AFTER_FAILURES} failed deliveries`);
    // Its pending retry is given up rather than sent; nothing new is queued for it.
    await makeRetriesDue();
    await drain(worker);
    expect(received).toHaveLength(1);
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: `${base}/down` } })).toMatchObject({ state: "FAILED" });
    await expect(sendTestEvent(admin, { webhookId })).rejects.toMatchObject({ status: 422 });
    await setWebhookEnabled(admin, { webhookId, isEnabled: true });
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ isEnabled: true, consecutiveFailures: 0 });
  });

  it("never stalls the worker on a receiver that hangs, redirects, fails or sends 10 MB", async () => {
    for (const path of ["/hang", "/redirect", "/down", "/big", "/ok"]) await addWebhook(admin, { url: `${base}${path}` });
    await declare("Hostile receivers");
    // Long enough for /big to answer on a machine running two test suites at once (0.3 s was not), short enough for /hang.
    await drain(newWorker(createHttpTransport(60_000, { timeoutMs: 3_000 })));
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "webhook", dispatchId: { startsWith: "incident.created:" } } });
    const byPath = Object.fromEntries(rows.filter((row) => row.attempts > 0).map((row) => [new URL(row.recipient).pathname, row]));
    expect(byPath["/hang"]).toMatchObject({ state: "PENDING", lastError: "No answer within 3 s." });
    expect(byPath["/redirect"]).toMatchObject({ state: "PENDING", lastError: "HTTP 302" });
    expect(byPath["/down"]).toMatchObject({ state: "PENDING", lastError: "HTTP 500 down for good" });
    expect(byPath["/big"]).toMatchObject({ state: "SENT" });
    expect(byPath["/ok"]).toMatchObject({ state: "SENT" });
    const big = await prisma.webhookDelivery.findFirstOrThrow({ where: { webhook: { url: `${base}/big` } } });
    expect(big.response.length).toBe(1024);
  });

  it("refuses private and loopback addresses after DNS resolution unless allowed", async () => {
    const strict = createHttpTransport(60_000, { allowPrivate: false });
    const request = { method: "POST" as const, headers: {}, body: "{}" };
    await expect(strict.send({ ...request, url: `${base}/ok` })).rejects.toThrow(/resolves to 127\.0\.0\.1, a private or loopback address/);
    await expect(strict.send({ ...request, url: base.replace("127.0.0.1", "localhost") + "/ok" })).rejects.toThrow(/private or loopback/);
    await expect(strict.send({ ...request, url: "ftp://example.com/" })).rejects.toThrow(/Only http and https/);
    expect(received).toHaveLength(0);

    await addWebhook(admin, { url: `${base}/ok` });
    await declare("Private receiver");
    await drain(newWorker(strict));
    expect(received).toHaveLength(0);
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "webhook", dispatchId: { startsWith: "incident.created:" }, recipient: `${base}/ok`, state: "FAILED" },
    });
    expect(row.lastError).toMatch(/private or loopback/);
  });

  it("tells webhooks of a component's status set by hand, in Statuspage's component_update shape", async () => {
    const { secret } = await addWebhook(admin, { url: `${base}/ok` });
    await setComponentStatus(admin, { componentId: web, status: "degraded_performance" });
    await drain(newWorker());
    const payload = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as Payload & {
      component_update: Record<string, string>;
      component: Record<string, string>;
    };
    expect(payload.meta.event).toBe("component.updated");
    expect(payload.component_update).toMatchObject({ component_id: web, old_status: "operational", new_status: "degraded_performance" });
    expect(payload.component).toMatchObject({ id: web, name: "Website", status: "degraded_performance" });
  });

  it("sends a test event on request", async () => {
    const { id: webhookId, secret } = await addWebhook(admin, { url: `${base}/ok` });
    await sendTestEvent(admin, { webhookId });
    await drain(newWorker());
    const payload = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as Payload;
    expect(payload.meta.event).toBe("test");
    expect(payload.page.status_indicator).toEqual(expect.any(String));
  });

  it("keeps the signing secret encrypted in the database, and encrypts one stored in plain text before", async () => {
    const { id: webhookId, secret } = await addWebhook(admin, { url: `${base}/ok` });
    const stored = (await prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } })).secret;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secret.slice("whsec_".length, 20));

    await prisma.webhook.update({ where: { id: webhookId }, data: { secret } });
    expect(await sealStoredWebhookSecrets()).toBe(1);
    expect(await sealStoredWebhookSecrets()).toBe(0);
    expect((await prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } })).secret).toMatch(/^v1\./);
    await sendTestEvent(admin, { webhookId });
    await drain(newWorker());
    expect(() => new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).not.toThrow();
  });

  it("fails a delivery for good, saying what to do, when the secret was encrypted under another AUTH_SECRET", async () => {
    const { id: webhookId, secret } = await addWebhook(admin, { url: `${base}/ok` });
    await prisma.webhook.update({ where: { id: webhookId }, data: { secret: sealSecret(secret, randomBytes(32).toString("base64url")) } });
    await sendTestEvent(admin, { webhookId });
    await drain(newWorker());
    expect(received).toEqual([]);
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "webhook", recipient: `${base}/ok` },
      orderBy: { id: "desc" },
    });
    expect(row).toMatchObject({ state: "FAILED" });
    expect(row.lastError).toMatch(/another AUTH_SECRET\. Remove the webhook, add it again/);
  });
});
