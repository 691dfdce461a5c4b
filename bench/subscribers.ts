// Subscriber notices: an incident declared with "Notify subscribers" queues
// one outbox row per confirmed subscriber of its components and one per
// webhook, in the declare's own transaction. Measured: 100,000 confirmed
// subscribers and 100 webhooks, the declare's wall time (target < 5 s).
import { withBenchDatabase } from "./support";

const SUBSCRIBERS = 100_000;
const WEBHOOKS = 100;
const TARGET_SECONDS = 5;

await withBenchDatabase(async ({ admin }) => {
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
