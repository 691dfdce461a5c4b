// npm run bench: the outbox. 5,000 recipients a round to a loopback SMTP
// sink: Candor's worker (claim, personalise, send, record) against raw pooled
// nodemailer sending the same messages to the same sink, alternating which
// goes first, in the same run; queuing 100,000 recipients; importing a
// 100,000-row CSV; peak RSS per phase.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sendWithRawNodemailer, startSink } from "./smtp";
import { withBenchDatabase } from "./support";

const RECIPIENTS = 5_000;
/** Machines shared with other work swing by 2x within a minute: short rounds, alternating order, the median ratio. */
const ROUNDS = 4;
const TARGET_RATIO = 0.8;

// A full collection between phases, so each phase's peak is its own and not the garbage of the one before.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

await withBenchDatabase(async ({ admin }) => {
  const { prisma } = await import("../lib/db");
  const { saveCampaignDraft } = await import("../lib/campaigns/save-draft");
  const { sendCampaign, compileCampaign } = await import("../lib/campaigns/send-campaign");
  const { campaignDraftSchema } = await import("../lib/campaigns/schemas");
  const { createMailTransport } = await import("../lib/outbox/transport");
  const { OutboxWorker } = await import("../lib/outbox/worker");
  const { importCustomers } = await import("../lib/customers/import-csv");
  const { personaliseMessage } = await import("../lib/email/templates");
  const { recipientValues } = await import("../lib/email/personalise");

  const body =
    "Dear {{first_name}},\n\nOn 27th September 2016 from 01:00 GMT until 08:30 GMT on 28th September 2016 a deployment resulted in users having to change their passwords and some lost data.\n\n**What we are asking you to do**: please double check any events, approvals or other changes you made in this window.\n\nKind regards,\nRich Allen";
  const draft = (plan: string) =>
    campaignDraftSchema.parse({ kind: "postmortem", subject: "A day to forget yet a day to remember", body, audience: { plans: [plan] } });
  const addCustomers = (count: number, plan: string) =>
    prisma.$executeRaw`
      INSERT INTO customers (id, email, first_name, name, plan, updated_at)
      SELECT ${plan} || '-' || g, ${plan} || g || '@bench.test', 'F' || g, 'Customer ' || g, ${plan}, now() FROM generate_series(1, ${count}::int) AS g`;
  const phasePeaks: string[] = [];
  const phase = (name: string) => {
    phasePeaks.push(`${name} ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    collectGarbage();
    peakRss = process.memoryUsage().rss;
  };

  // --- Outbox vs raw nodemailer, alternating.
  const sink = await startSink();
  const compiled = await compileCampaign({ kind: "postmortem", subject: "A day to forget yet a day to remember", body, incidentId: null });
  const rows: string[] = [];
  const ratios: number[] = [];
  /** Messages a second, and this process's CPU per message (the embedded PostgreSQL's is not counted). */
  const measure = async (send: () => Promise<void>) => {
    // Neither side pays for the other's leftovers: autovacuum of the last round's rows, dirty buffers.
    await prisma.$executeRawUnsafe("VACUUM (ANALYZE) outbox, customers");
    await prisma.$executeRawUnsafe("CHECKPOINT");
    const cpu = process.cpuUsage();
    const start = performance.now();
    await send();
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { rate: RECIPIENTS / seconds, cpuMs: (used.user + used.system) / 1000 / RECIPIENTS };
  };
  // Raw: pooled nodemailer, 10 in flight, the same personalised messages.
  const sendRaw = (round: number) =>
    measure(() =>
      sendWithRawNodemailer(sink.url, RECIPIENTS, (index) => {
        const copy = personaliseMessage(
          compiled,
          recipientValues({ email: `raw${round}-${index}@bench.test`, firstName: `F${index}` }),
          "https://status.example.com/unsubscribe",
        );
        return { to: `raw${round}-${index}@bench.test`, subject: copy.subject, html: copy.html, text: copy.text };
      }),
    );
  const sendThroughOutbox = async (round: number) => {
    const plan = `round${round}`;
    await addCustomers(RECIPIENTS, plan);
    const { id } = await saveCampaignDraft(admin, draft(plan));
    await sendCampaign(admin, { campaignId: id });
    const worker = new OutboxWorker({ transport: createMailTransport(sink.url), ratePerSecond: 0, log: () => {} });
    const result = await measure(async () => {
      while ((await worker.runOnce()) > 0);
    });
    await worker.stop();
    const sent = await prisma.outboxMessage.count({ where: { campaignId: id, state: "SENT" } });
    if (sent !== RECIPIENTS) throw new Error(`outbox sent ${sent} of ${RECIPIENTS}`);
    return result;
  };
  for (let round = 1; round <= ROUNDS; round++) {
    const rawFirst = round % 2 === 1;
    const first = rawFirst ? await sendRaw(round) : await sendThroughOutbox(round);
    const second = rawFirst ? await sendThroughOutbox(round) : await sendRaw(round);
    const [raw, outbox] = rawFirst ? [first, second] : [second, first];
    ratios.push(outbox.rate / raw.rate);
    rows.push(
      `round ${round} (${rawFirst ? "raw first" : "outbox first"}): raw nodemailer ${raw.rate.toFixed(0)} msg/s (${raw.cpuMs.toFixed(2)} ms CPU/msg) · Candor outbox ${outbox.rate.toFixed(0)} msg/s (${outbox.cpuMs.toFixed(2)} ms CPU/msg) · ${((outbox.rate / raw.rate) * 100).toFixed(0)} %`,
    );
  }
  sink.close();
  phase("outbox rounds");

  // --- Queuing 100,000 recipients (one INSERT … SELECT in the send transaction).
  await addCustomers(100_000, "big");
  const { id: bigId } = await saveCampaignDraft(admin, draft("big"));
  const enqueueStart = performance.now();
  const { recipients } = await sendCampaign(admin, { campaignId: bigId });
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  await prisma.campaign.update({ where: { id: bigId }, data: { state: "CANCELLED" } });
  phase("queue 100,000");

  // --- Importing a 100,000-row CSV (new customers).
  const header = "email,first name,name,company,account id,plan,monthly amount,currency,tags";
  const csv = [
    header,
    ...Array.from(
      { length: 100_000 },
      (_, index) =>
        `csv${index}@bench.test,F${index},Customer ${index},Company ${index % 977},acc-${index},pro,${(index % 90) + 10}.00,EUR,"bench;import"`,
    ),
  ].join("\n");
  const importStart = performance.now();
  const report = await importCustomers(admin, { text: csv, mapping: null, skipBadRows: false });
  const importSeconds = (performance.now() - importStart) / 1000;

  phase("CSV import");
  clearInterval(sampler);
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
  console.log(`\nOutbox, ${RECIPIENTS.toLocaleString("en")} recipients to a loopback SMTP sink (${ROUNDS} alternating rounds):`);
  for (const line of rows) console.log(`  ${line}`);
  console.log(
    `  ratio: median ${(Math.floor(median * 1000) / 10).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %), worst round ${(sorted[0]! * 100).toFixed(0)} %, best ${(sorted.at(-1)! * 100).toFixed(0)} % ${median >= TARGET_RATIO ? "✓" : "✗"}`,
  );
  console.log(
    `Queue ${recipients.toLocaleString("en")} recipients: ${enqueueSeconds.toFixed(2)} s (target < 10 s) ${enqueueSeconds < 10 ? "✓" : "✗"}`,
  );
  console.log(
    `Import a ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB CSV of 100,000 rows: ${importSeconds.toFixed(1)} s, ${(100_000 / importSeconds).toFixed(0)} rows/s, ${report.created.toLocaleString("en")} created (target < 30 s) ${importSeconds < 30 ? "✓" : "✗"}`,
  );
  const worst = Math.max(...phasePeaks.map((text) => Number(text.match(/(\d+) MB$/)![1])));
  console.log(
    `Peak RSS of this process by phase (the embedded PostgreSQL is a separate process): ${phasePeaks.join(", ")} (target < 500 MB) ${worst < 500 ? "✓" : "✗"}`,
  );
});
