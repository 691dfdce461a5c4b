// Worker processes (`npm run worker`) killed with SIGKILL mid-send and started
// again: everyone gets the message, duplicates stay within the messages in
// flight (the SMTP pool's connections) and are all counted for the operator.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { campaignProgress } from "@/lib/campaigns/progress";
import { SMTP_CONNECTIONS } from "@/lib/outbox/transport";
import { OUTBOX_LANES } from "@/lib/outbox/worker";
import { createAdmin, queueCampaignTo } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startWorkerProcess } from "../support/worker-process";

const RECIPIENTS = 2_000;
/** The shortest lease the configuration allows: a killed worker's claim lapses by itself, quickly. */
const LEASE_SECONDS = 4;
/**
 * The default lease. Two healthy workers send each row once only while no
 * lease lapses; on a machine loaded 9× over its cores a 4 s lease did lapse
 * (a starved heartbeat), and a lapsed claim is re-sent by design, counted as
 * "may have been received twice" (the SIGKILL test below checks that count).
 */
const HEALTHY_LEASE_SECONDS = 60;
let sink: SmtpSink;
const workers = new Set<ChildProcess>();

function startWorker(leaseSeconds = LEASE_SECONDS): ChildProcess {
  const child = startWorkerProcess({
    smtpUrl: sink.url,
    leaseSeconds,
    authSecret: "outbox-fault-test-secret-of-32-characters",
  });
  workers.add(child);
  child.once("exit", () => workers.delete(child));
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await Promise.all(
    [...workers].map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      return exited;
    }),
  );
  await sink.stop();
});

let admin: { id: string; email: string };

const queue = (plan: string, count: number) => queueCampaignTo(admin, plan, count);

async function waitUntilSent(id: string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while ((await campaignProgress(id))!.state !== "sent") {
    expect(Date.now()).toBeLessThan(deadline);
    await sleep(200);
  }
}

const deliveredTo = (id: string) =>
  sink.messages
    .filter((message) => message.headers.get("x-candor-campaign") === id)
    .map((message) => (message.to as { text: string }).text);

it("two worker processes on one PostgreSQL never send a row twice", async () => {
  admin = await createAdmin();
  const id = await queue("pair", 1_000);
  const pair = [startWorker(HEALTHY_LEASE_SECONDS), startWorker(HEALTHY_LEASE_SECONDS)];
  await waitUntilSent(id);
  const delivered = deliveredTo(id);
  expect(delivered).toHaveLength(1_000);
  expect(new Set(delivered).size).toBe(1_000);
  expect((await campaignProgress(id))!.unconfirmed).toBe(0);
  for (const child of pair) child.kill("SIGTERM");
  await Promise.all(pair.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)))));
}, 180_000);

it("delivers to all 2,000 recipients through two worker processes killed at random points", async () => {
  const id = await queue("pro", RECIPIENTS);

  let kills = 0;
  const first = startWorker();
  startWorker();
  let victim = first;
  const deadline = Date.now() + 200_000;
  while ((await campaignProgress(id))!.state !== "sent") {
    expect(Date.now()).toBeLessThan(deadline);
    if (kills < 4 && sink.messages.length > (kills + 1) * 300) {
      victim.kill("SIGKILL");
      await new Promise((resolve) => victim.once("exit", resolve));
      kills++;
      victim = startWorker();
    }
    await sleep(100 + Math.random() * 200);
  }
  expect(kills).toBe(4);

  const delivered = deliveredTo(id);
  const distinct = new Set(delivered);
  expect(distinct.size).toBe(RECIPIENTS);
  const duplicates = delivered.length - distinct.size;
  console.log(
    `SIGKILL ×${kills} during ${RECIPIENTS} sends: ${delivered.length} messages, ${duplicates} duplicates (bound ${kills * SMTP_CONNECTIONS})`,
  );
  expect(duplicates).toBeLessThanOrEqual(kills * SMTP_CONNECTIONS);
  const progress = (await campaignProgress(id))!;
  expect(progress).toMatchObject({ state: "sent", sent: RECIPIENTS, failed: 0, pending: 0 });
  // The operator sees every possible repeat: each duplicate began under a claim that lapsed.
  expect(progress.unconfirmed).toBeGreaterThanOrEqual(duplicates);
  expect(progress.unconfirmed).toBeLessThanOrEqual(kills * OUTBOX_LANES);
}, 240_000);
