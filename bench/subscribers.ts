// Subscriber notices. Delivery: 10,000 confirmed subscribers of a component
// and 100 webhooks on a loopback receiver; an update posted with "Notify
// subscribers"; an outbox worker in this process delivers to a loopback SMTP
// sink. Measured: post → first message accepted (target < 1 s), post → last
// message accepted, as a rate against raw pooled nodemailer sending the same
// message to the same sink in the same run (target ≥ 80 %). Queuing: an
// incident declared with "Notify subscribers" queues one outbox row per
// confirmed subscriber of its components and one per webhook, in the
// declare's own transaction: 100,000 subscribers and 100 webhooks, the
// declare's wall time (target < 5 s).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sendWithRawNodemailer, startSink } from "./smtp";
import { withBenchDatabase } from "./support";

const SUBSCRIBERS = 100_000;
const WEBHOOKS = 100;
const TARGET_SECONDS = 5;
const DELIVERED = 10_000;
const TARGET_RATIO = 0.8;
const TARGET_FIRST_MS = 1_000;

// The webhook receiver is on loopback, which Candor refuses unless told.
process.env.CANDOR_WEBHOOKS_ALLOW_PRIVATE = "1";

await withBenchDatabase(async ({ admin }) => {
  await measureDelivery(admin);
  const { prisma } = await import("../lib/db");
  const { createComponent } = await import("../lib/components/save-component");
  const { declareIncident } = await import("../lib/incidents/declare-incident");
  const { hashToken, manageTokenFor } = await import("../lib/subscribers/tokens");
  const { secretKey } = await import("../lib/env");
  const api = (await createComponent(admin, { name: "API", isVisible: true })).id;
  const other = (await createComponent(admin, { name: "Website", isVisible: true })).id;

  // Half follow everything, half chose API (the other component is there so the filter has work to do).
  const key = secretKey("subscribers");
  const start = performance.now();
  const ids = Array.from({ length: SUBSCRIBERS }, (_, index) => `sub${index}`);
  for (let offset = 0; offset < SUBSCRIBERS; offset += 10_000) {
    const slice = ids.slice(offset, offset + 10_000);
    await prisma.subscriber.createMany({
      data: slice.map((id, index) => ({
        id,
        email: `reader${offset + index}@bench.test`,
        state: "CONFIRMED" as const,
        allComponents: (offset + index) % 2 === 0,
        manageTokenHash: hashToken(manageTokenFor(id, key)),
      })),
    });
    await prisma.subscriberComponent.createMany({
      data: slice
        .map((id, index) => ({ id, index: offset + index }))
        .filter(({ index }) => index % 2 === 1)
        .flatMap(({ id }) => [
          { subscriberId: id, componentId: api },
          { subscriberId: id, componentId: other },
        ]),
    });
  }
  await prisma.webhook.createMany({
    data: Array.from({ length: WEBHOOKS }, (_, index) => ({
      url: `https://hooks${index}.bench.test/status`,
      secret: `whsec_${"A".repeat(32)}`,
    })),
  });
  await prisma.$executeRawUnsafe("ANALYZE subscribers; ANALYZE subscriber_components");
  console.log(
    `Set up ${SUBSCRIBERS.toLocaleString("en")} subscribers and ${WEBHOOKS} webhooks in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );

  const declareStart = performance.now();
  await declareIncident(admin, {
    title: "API errors",
    impact: "major",
    status: "investigating",
    message: "Requests to the API fail for some customers.",
    components: [{ componentId: api, status: "partial_outage" }],
    notifySubscribers: true,
  });
  const seconds = (performance.now() - declareStart) / 1000;
  const notices = await prisma.outboxMessage.count({ where: { kind: "subscriber_notice" } });
  const webhooks = await prisma.outboxMessage.count({ where: { kind: "webhook" } });
  console.log(
    `target: declare with Notify queues ${notices.toLocaleString("en")} notices + ${webhooks} webhook deliveries in ${seconds.toFixed(2)} s (< ${TARGET_SECONDS} s) — ${seconds < TARGET_SECONDS && notices === SUBSCRIBERS ? "met" : "NOT met"}`,
  );
});

async function measureDelivery(admin: { id: string; email: string }): Promise<void> {
  const { prisma } = await import("../lib/db");
  const { createComponent } = await import("../lib/components/save-component");
  const { declareIncident } = await import("../lib/incidents/declare-incident");
  const { postIncidentUpdate } = await import("../lib/incidents/post-update");
  const { hashToken, manageTokenFor } = await import("../lib/subscribers/tokens");
  const { secretKey } = await import("../lib/env");
  const { createMailTransport } = await import("../lib/outbox/transport");
  const { OutboxWorker } = await import("../lib/outbox/worker");
  const { sealSecret } = await import("../lib/webhooks/secret-box");

  const billing = (await createComponent(admin, { name: "Billing", isVisible: true })).id;
  const key = secretKey("subscribers");
  await prisma.subscriber.createMany({
    data: Array.from({ length: DELIVERED }, (_, index) => ({
      id: `billing${index}`,
      email: `billing${index}@bench.test`,
      state: "CONFIRMED" as const,
      allComponents: true,
      manageTokenHash: hashToken(manageTokenFor(`billing${index}`, key)),
    })),
  });
  let hooksReceived = 0;
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      hooksReceived++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await prisma.webhook.createMany({
    // Sealed as addWebhook stores them: each delivery opens its secret.
    data: Array.from({ length: WEBHOOKS }, (_, index) => ({
      url: `${hookUrl}/hook${index}`,
      secret: sealSecret(`whsec_${"A".repeat(32)}`, secretKey("webhooks")),
    })),
  });
  const incident = await declareIncident(admin, {
    title: "Card payments fail",
    impact: "major",
    status: "investigating",
    message: "Some card payments fail.",
    components: [{ componentId: billing, status: "partial_outage" }],
    notifySubscribers: false,
  });

  const sink = await startSink();
  const worker = new OutboxWorker({ transport: createMailTransport(sink.url), ratePerSecond: 0, log: () => {} });
  const posted = performance.now();
  await postIncidentUpdate(admin, {
    incidentId: incident.id,
    status: "identified",
    message: "A certificate expired at our card processor; a new one is being installed.",
    components: [],
    notifySubscribers: true,
  });
  while ((await worker.runOnce()) > 0);
  const outboxSeconds = (performance.now() - posted) / 1000;
  await worker.stop();
  const firstMs = sink.firstAt()! - posted;
  const outboxReceived = sink.received();

  const notice = await prisma.subscriberNotice.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  const rawStart = performance.now();
  await sendWithRawNodemailer(sink.url, DELIVERED, (index) => ({
    to: `raw${index}@bench.test`,
    subject: notice.subject,
    html: notice.html,
    text: notice.text,
  }));
  const rawSeconds = (performance.now() - rawStart) / 1000;
  sink.close();
  receiver.close();

  const outboxRate = outboxReceived / outboxSeconds;
  const rawRate = DELIVERED / rawSeconds;
  const ratio = outboxRate / rawRate;
  console.log(
    `Update posted with Notify to ${DELIVERED.toLocaleString("en")} subscribers + ${WEBHOOKS} webhooks: ${outboxReceived.toLocaleString("en")} emails and ${hooksReceived} webhook deliveries in ${outboxSeconds.toFixed(2)} s (${outboxRate.toFixed(0)} msg/s); raw pooled nodemailer, same message and sink: ${rawRate.toFixed(0)} msg/s`,
  );
  console.log(
    `target: post → first message accepted ${firstMs.toFixed(0)} ms (< ${TARGET_FIRST_MS} ms) — ${firstMs < TARGET_FIRST_MS ? "met" : "NOT met"}`,
  );
  console.log(
    `target: post → last message, ${(ratio * 100).toFixed(0)} % of raw nodemailer's rate (≥ ${TARGET_RATIO * 100} %) — ${ratio >= TARGET_RATIO && outboxReceived === DELIVERED && hooksReceived === WEBHOOKS ? "met" : "NOT met"}`,
  );
  // The queuing measurement starts from no subscribers, webhooks or outbox rows.
  await prisma.$executeRawUnsafe("TRUNCATE outbox, webhooks, subscribers CASCADE");
}
