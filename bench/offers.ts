// npm run bench: preparing a make-good offer for 100,000 customers — every
// customer's amounts (the pure rule), a 244-bit token each with its hash on
// the response row, and one outbox message each — in one send transaction of
// set-based statements. Customers in EUR, JPY and KWD, some without a monthly
// amount (left out), on the incident's component. A plain campaign queued to
// the same customers in the same run is printed beside it, since a machine
// shared with other work swings a lot.
import { withBenchDatabase } from "./support";

const CUSTOMERS = 100_000;
const TARGET_SECONDS = 10;

await withBenchDatabase(async ({ admin }) => {
  const { prisma } = await import("../lib/db");
  const { createComponent } = await import("../lib/components/save-component");
  const { declareIncident } = await import("../lib/incidents/declare-incident");
  const { createOfferDraft } = await import("../lib/offers/create-offer");
  const { offerDraftSchema } = await import("../lib/offers/schemas");
  const { sendOffer } = await import("../lib/offers/send-offer");

  const componentId = (await createComponent(admin, { name: "Analytics", isVisible: true })).id;
  const incidentId = (
    await declareIncident(admin, {
      title: "Analytics requests went to the wrong app",
      impact: "major",
      status: "identified",
      message: "A week of requests went elsewhere.",
      components: [{ componentId, status: "major_outage" }],
    })
  ).id;
  await prisma.$executeRaw`
    INSERT INTO customers (id, email, first_name, monthly_amount_cents, currency, updated_at)
    SELECT 'c' || g, 'customer' || g || '@bench.test', 'F' || g,
           CASE WHEN g % 50 = 0 THEN NULL ELSE 1000 + g % 9000 END,
           (ARRAY['EUR', 'JPY', 'KWD'])[1 + g % 3], now()
    FROM generate_series(1, ${CUSTOMERS}::int) AS g`;
  await prisma.$executeRaw`INSERT INTO customer_components (customer_id, component_id) SELECT id, ${componentId} FROM customers WHERE email LIKE '%@bench.test'`;
  await prisma.$executeRawUnsafe("ANALYZE customers");
  await prisma.$executeRawUnsafe("ANALYZE customer_components");

  const { id: offerId } = await createOfferDraft(
    admin,
    offerDraftSchema.parse({
      incidentId,
      choices: [
        { kind: "months", value: "1", cap: "EUR 80, JPY 8000" },
        { kind: "percent", value: "50" },
      ],
      deadline: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 16),
      subject: "A month on us",
      body: "Hi {{first_name}}, we are sorry.",
      audience: { componentIds: [componentId] },
    }),
  );
  const start = performance.now();
  const { recipients, excluded } = await sendOffer(admin, { offerId });
  const seconds = (performance.now() - start) / 1000;
  const [counts] = await prisma.$queryRaw<{ responses: bigint; messages: bigint }[]>`
    SELECT (SELECT count(*) FROM offer_responses WHERE offer_id = ${offerId}) AS responses,
           (SELECT count(*) FROM outbox WHERE kind = 'campaign' AND payload ? 'offerToken') AS messages`;
  // The same run's baseline: queuing a plain campaign to the same customers (one INSERT … SELECT).
  const { saveCampaignDraft } = await import("../lib/campaigns/save-draft");
  const { campaignDraftSchema } = await import("../lib/campaigns/schemas");
  const { sendCampaign } = await import("../lib/campaigns/send-campaign");
  const { id: campaignId } = await saveCampaignDraft(
    admin,
    campaignDraftSchema.parse({
      kind: "incident_notice",
      subject: "Fixed",
      body: "Hi {{first_name}}.",
      audience: { componentIds: [componentId] },
    }),
  );
  const campaignStart = performance.now();
  await sendCampaign(admin, { campaignId });
  const campaignSeconds = (performance.now() - campaignStart) / 1000;
  console.log(
    `Baseline, same run: queuing a plain campaign to the same ${CUSTOMERS.toLocaleString("en")} customers: ${campaignSeconds.toFixed(2)} s`,
  );
  console.log(
    `Prepare an offer for ${CUSTOMERS.toLocaleString("en")} customers: ${seconds.toFixed(2)} s (${recipients.toLocaleString("en")} offered, ${excluded.toLocaleString("en")} left out; ${Number(counts!.responses).toLocaleString("en")} response rows, ${Number(counts!.messages).toLocaleString("en")} outbox messages) (target < ${TARGET_SECONDS} s) ${seconds < TARGET_SECONDS ? "✓" : "✗"}`,
  );
  await prisma.$disconnect();
});
