// The outbox's promise under slow relays, database errors and crashes: each
// recipient gets one message; a crash repeats at most the messages in flight,
// and the operator sees how many may have been repeated. All against a real
// SMTP server on loopback that answers each message after 3 s.
import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { campaignProgress } from "@/lib/campaigns/progress";
import { createMailTransport, SMTP_CONNECTIONS } from "@/lib/outbox/transport";
import { OUTBOX_LANES, OutboxWorker } from "@/lib/outbox/worker";
import { createAdmin, queueCampaignTo } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startWorkerProcess } from "../support/worker-process";

const SLOW_REPLY_MS = 3_000;
/** Short enough that a batch of slow sends outlives it many times; long enough that the SMTP silence limit (half of it) exceeds the slow reply. */
const TEST_LEASE_MS = 10_000;

let sink: SmtpSink;
let admin: { id: string; email: string };
const children = new Set<ChildProcess>();
const noLog = () => {};

beforeAll(async () => {
  sink = await startSmtpSink();
  admin = await createAdmin();
});

afterEach(() => {
  sink.replyDelayMs = 0;
  sink.rejected.clear();
});

afterAll(async () => {
  await Promise.all([...children].map((child) => stopChild(child, "SIGKILL")));
  await sink.stop();
});

function startWorker(): ChildProcess {
  const child = startWorkerProcess({
    smtpUrl: sink.url,
    leaseSeconds: TEST_LEASE_MS / 1_000,
    authSecret: "outbox-guarantee-test-secret-of-32-chars",
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

const queue = (plan: string, count: number) => queueCampaignTo(admin, plan, count);

const deliveredTo = (campaignId: string) =>
  sink.messages
    .filter((message) => message.headers.get("x-candor-campaign") === campaignId)
    .map((message) => (message.to as { text: string }).text);

it("sends each message once through a slow relay with two workers, though the batch outlives the lease many times", async () => {
  const id = await queue("slow", 20);
  sink.replyDelayMs = SLOW_REPLY_MS;
  const workers = [1, 2].map(
    () => new OutboxWorker({ transport: createMailTransport(sink.url, TEST_LEASE_MS), leaseMs: TEST_LEASE_MS, idleMs: 100, log: noLog }),
  );
  for (const worker of workers) worker.start();
  // 20 messages, 5 connections, 3 s each: about 12 s of sending for whichever worker claimed them, against a 10 s lease.
  await sink.until(() => deliveredTo(id).length >= 20 && sink.awaitingReply === 0);
  await Promise.all(workers.map((worker) => worker.stop()));

  const delivered = deliveredTo(id);
  expect(delivered).toHaveLength(20);
  expect(new Set(delivered).size).toBe(20);
  expect(await campaignProgress(id)).toMatchObject({ state: "sent", sent: 20, failed: 0, pending: 0, unconfirmed: 0 });
}, 90_000);

it("records each delivered message at once, so a database error in the failure path re-sends nothing", async () => {
  const id = await queue("fragile", 12);
  sink.rejected.add("fragile5@example.com");
  // A real database error whenever the worker records that refusal (or gives the row back).
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_fragile5() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.recipient = 'fragile5@example.com' AND OLD.state = 'sending' AND NEW.state IN ('pending', 'failed') THEN
        RAISE EXCEPTION 'injected failure while recording a failed send';
      END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_fragile5 BEFORE UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_fragile5()`);
  const logged: string[] = [];
  const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: (line) => logged.push(line) });
  while ((await worker.runOnce()) > 0);
  expect(logged.join("\n")).toContain("injected failure while recording a failed send");
  expect(await campaignProgress(id)).toMatchObject({ sent: 11, pending: 1 });

  // Every claim lapses (as if the lease ran out) and the database recovers: only the unrecorded refusal is tried again.
  await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_fragile5 ON outbox`);
  await prisma.outboxMessage.updateMany({ where: { campaignId: id, state: "SENDING" }, data: { lockedUntil: new Date(0) } });
  while ((await worker.runOnce()) > 0);
  await worker.stop();

  const delivered = deliveredTo(id);
  expect(delivered).toHaveLength(11);
  expect(new Set(delivered).size).toBe(11);
  expect(await campaignProgress(id)).toMatchObject({ state: "sent", sent: 11, failed: 1, pending: 0 });
  expect(await prisma.outboxMessage.findFirstOrThrow({ where: { campaignId: id, state: "FAILED" } })).toMatchObject({
    recipient: "fragile5@example.com",
    lastError: expect.stringContaining("550"),
  });
});

it("gives back the rest of its claim at once on SIGTERM, after recording the messages in flight", async () => {
  const id = await queue("term", 30);
  sink.replyDelayMs = SLOW_REPLY_MS;
  const before = deliveredTo(id).length;
  const worker = startWorker();
  await sink.until(() => sink.awaitingReply === SMTP_CONNECTIONS);
  expect(await stopChild(worker, "SIGTERM")).toBe(0);

  // Straight after the exit, with no lease left to wait for: the messages handed to the transport (five on the
  // connections, five queued behind them) are sent and recorded, the rest pending and unclaimed.
  const rows = await prisma.outboxMessage.findMany({
    where: { campaignId: id },
    select: { state: true, claimToken: true, lockedUntil: true, attempts: true },
  });
  const sent = rows.filter((row) => row.state === "SENT");
  const pending = rows.filter((row) => row.state === "PENDING");
  expect(sent).toHaveLength(OUTBOX_LANES);
  expect(deliveredTo(id).length - before).toBe(OUTBOX_LANES);
  expect(pending).toHaveLength(30 - OUTBOX_LANES);
  expect(pending.every((row) => row.claimToken === null && row.lockedUntil === null && row.attempts === 0)).toBe(true);
}, 60_000);

it("repeats at most the messages in flight when a worker is killed mid-send, and shows the operator how many", async () => {
  const id = await queue("kill", 30);
  sink.replyDelayMs = SLOW_REPLY_MS;
  const first = startWorker();
  await sink.until(() => sink.awaitingReply === SMTP_CONNECTIONS);
  const inFlight = sink.awaitingReply;
  await stopChild(first, "SIGKILL");
  // The relay has these five but the worker never heard its "250": they are sent again once the lease lapses.
  const second = startWorker();
  await sink.until(() => new Set(deliveredTo(id)).size === 30 && sink.awaitingReply === 0);
  await stopChild(second, "SIGTERM");

  const delivered = deliveredTo(id);
  const duplicates = delivered.length - new Set(delivered).size;
  expect(new Set(delivered).size).toBe(30);
  expect(duplicates).toBeLessThanOrEqual(inFlight);
  const progress = (await campaignProgress(id))!;
  expect(progress).toMatchObject({ state: "sent", sent: 30, failed: 0, pending: 0 });
  // Every repeat is counted where the operator sees it; the count can include the messages that were still queued
  // for a connection (handed to the transport, never on the wire), and no more.
  expect(progress.unconfirmed).toBeGreaterThanOrEqual(duplicates);
  expect(progress.unconfirmed).toBeLessThanOrEqual(OUTBOX_LANES);
}, 120_000);
