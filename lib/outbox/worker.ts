// Delivers the outbox, every kind of dispatch on every channel, with one
// loop:
// - claims a batch in priority order with FOR UPDATE SKIP LOCKED (several
//   workers on one PostgreSQL never take the same row), under a lease and a
//   claim token of its own;
// - renews the lease while it works (a heartbeat), and starts a send only
//   while the lease has more time left than any send may take
//   (retry-policy.ts: every SMTP/HTTP time limit derives from the lease);
// - marks each row as started just before its send and records its result
//   just after, guarded by the claim token: a worker whose claim was taken
//   over cannot overwrite the new owner's result. Marks from the lanes in
//   flight are written together (one UPDATE for all of them).
// - at the end of a batch, and on stop(), gives back the rows it did not
//   start at once.
// So a crash (kill -9) leaves at most the messages in flight at that instant
// without a result: one per lane, of which only those on one of the SMTP
// pool's connections can have reached the relay. When their lease lapses
// another worker sends them again, and each is counted in unconfirmed_sends
// ("may have been delivered twice"), shown to the operator.
import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import { abortableSleep, SharedRateLimiter } from "./rate-limiter";
import { createStripeCreditSender, type StripeCreditSender } from "../offers/stripe-credits";
import { DeliveryPreparer, type ClaimedRow, type Delivery } from "./prepare";
import { classifyFailure, HttpStatusError, MAX_ATTEMPTS, retryDelayMs, sendTimeoutsFor, type SendTimeouts } from "./retry-policy";
import {
  createHttpTransport,
  DEFAULT_LEASE_MS,
  SMTP_CONNECTIONS,
  type HttpRequest,
  type HttpTransport,
  type MailTransport,
} from "./transport";
import { recordWebhookDelivery } from "../webhooks/record-delivery";

export interface OutboxWorkerOptions {
  transport: MailTransport;
  http?: HttpTransport;
  /** Pushes the static mirror (lib/mirror/run-push.ts); rejects for the push to be retried. */
  mirror?: (forVersion: bigint | null) => Promise<void>;
  /** Credits on Stripe customer balances (stripe_credit); by default Stripe's API with STRIPE_SECRET_KEY. */
  stripe?: StripeCreditSender;
  batchSize?: number;
  /** Messages handed to the transport at once (default OUTBOX_LANES): the most a crash can leave unrecorded. */
  concurrency?: number;
  /** CANDOR_SEND_RATE: messages a second for the whole deployment, shared through PostgreSQL; 0 for no limit. */
  ratePerSecond?: number;
  /** How long a claim lasts unless renewed; every send time limit is below it. */
  leaseMs?: number;
  idleMs?: number;
  log?: (message: string) => void;
}

/**
 * Messages one worker has handed to its transport at once: two per SMTP
 * connection, so each connection has its next message ready while the last
 * one's result is written. Only those on a connection (SMTP_CONNECTIONS) can
 * reach the relay before a crash without a result; all of them may be counted
 * as unconfirmed.
 */
export const OUTBOX_LANES = 2 * SMTP_CONNECTIONS;

/**
 * Rows a worker claims at once (fewer when rate-limited). A claim costs a
 * query, and its last messages leave lanes idle while they finish, so small
 * claims slow sending (measured: 50 rows, ~55 % of raw nodemailer; 200,
 * ~85 %). A notice queued meanwhile waits for the rest of the claim: under a
 * second at full speed. Rows claimed but not started are never sent twice.
 */
export const OUTBOX_BATCH = 200;

/** Rows a rate-limited worker claims: about this much sending, so a notice queued meanwhile waits little. */
const RATE_LIMITED_BATCH_MS = 2_000;

type Mark = "start" | "sent";
/** Mark UPDATEs in flight at once (of the database pool's 10 connections). */
const PARALLEL_MARK_WRITES = 3;
/** A campaign whose last rows were sent is marked sent within this time (or at once when the outbox runs dry). */
const FINISH_CAMPAIGNS_EVERY_MS = 5_000;

/**
 * Writes the lanes' start and sent marks together: one UPDATE for all the
 * marks queued while the previous one ran (each lane's "sent" for the message
 * it just sent usually travels with its "start" for the next).
 */
class MarkWriter {
  #queue: { id: bigint; token: string; mark: Mark; done: (isOwned: boolean) => void; fail: (error: unknown) => void }[] = [];
  #isScheduled = false;
  #running = 0;

  /** Resolves true once written, false when the claim is no longer this worker's. */
  write(id: bigint, token: string, mark: Mark): Promise<boolean> {
    return new Promise((done, fail) => {
      this.#queue.push({ id, token, mark, done, fail });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#isScheduled || this.#running >= PARALLEL_MARK_WRITES || this.#queue.length === 0) return;
    this.#isScheduled = true;
    // After the lanes' pending callbacks: marks queued in the same turn share the UPDATE.
    setImmediate(() => {
      this.#isScheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const marks = this.#queue.splice(0);
    if (marks.length === 0) return;
    this.#running++;
    try {
      const written = await prisma.$queryRaw<{ id: bigint; mark: Mark }[]>`
        UPDATE outbox o SET
          state = CASE WHEN d.mark = 'sent' THEN 'sent'::"OutboxState" ELSE o.state END,
          sent_at = CASE WHEN d.mark = 'sent' THEN now() ELSE o.sent_at END,
          started_at = CASE WHEN d.mark = 'start' THEN now() ELSE o.started_at END,
          claim_token = CASE WHEN d.mark = 'sent' THEN NULL ELSE o.claim_token END,
          locked_until = CASE WHEN d.mark = 'sent' THEN NULL ELSE o.locked_until END,
          last_error = CASE WHEN d.mark = 'sent' THEN NULL ELSE o.last_error END
        FROM unnest(${marks.map((m) => m.id)}::bigint[], ${marks.map((m) => m.token)}::uuid[], ${marks.map((m) => m.mark)}::text[]) AS d(id, token, mark)
        WHERE o.id = d.id AND o.claim_token = d.token AND o.state = 'sending'
        RETURNING o.id, d.mark`;
      const owned = new Set(written.map((row) => `${row.id}:${row.mark}`));
      for (const mark of marks) mark.done(owned.has(`${mark.id}:${mark.mark}`));
    } catch (error) {
      for (const mark of marks) mark.fail(error);
    } finally {
      this.#running--;
      this.#schedule();
    }
  }
}

/** One claimed batch: its token, its lease as last renewed, and its heartbeat. */
class Claim {
  /** performance.now() until which the lease is known to hold. */
  #validUntil: number;
  readonly #heartbeat: ReturnType<typeof setInterval>;
  /** Rows marked started (the others are given back at the end). */
  started = 0;
  /** Rows whose send failed but whose failure could not be recorded: not delivered, safe to give back. */
  readonly undelivered: bigint[] = [];

  constructor(
    readonly token: string,
    private readonly leaseMs: number,
    private readonly timeouts: SendTimeouts,
    claimedAt: number,
    log: (message: string) => void,
  ) {
    this.#validUntil = claimedAt + leaseMs;
    this.#heartbeat = setInterval(() => {
      const at = performance.now();
      prisma.$executeRaw`
        UPDATE outbox SET locked_until = now() + make_interval(secs => ${this.leaseMs / 1_000})
        WHERE claim_token = ${this.token}::uuid AND state = 'sending'`
        .then(() => (this.#validUntil = Math.max(this.#validUntil, at + this.leaseMs)))
        .catch((error: unknown) => log(`could not renew a claim (${describe(error)}); sends stop before it lapses`));
    }, timeouts.renewEveryMs);
  }

  /** A send may start only if it ends (at its time limits) before the lease could lapse. */
  canStartSend(): boolean {
    return this.#validUntil - performance.now() > this.timeouts.startMarginMs;
  }

  end(): void {
    clearInterval(this.#heartbeat);
  }
}

/** An error in one line for the log (Prisma's messages span several, the first often empty). */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}

export class OutboxWorker {
  readonly #options: Required<OutboxWorkerOptions>;
  readonly #timeouts: SendTimeouts;
  readonly #limiter: SharedRateLimiter;
  readonly #preparer = new DeliveryPreparer();
  readonly #marks = new MarkWriter();
  #running: Promise<void> | null = null;
  #stopping = new AbortController();
  #wake: (() => void) | null = null;
  #reclaimedAt = -Infinity;
  #wasIdle = true;
  #finishedAt = -Infinity;

  constructor(options: OutboxWorkerOptions) {
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#options = {
      batchSize: OUTBOX_BATCH,
      concurrency: OUTBOX_LANES,
      ratePerSecond: 0,
      idleMs: 500,
      log: (message) => console.log(`[outbox] ${message}`),
      http: createHttpTransport(leaseMs),
      mirror: async (forVersion) => (await import("../mirror/run-push")).pushConfiguredMirror(forVersion),
      stripe: createStripeCreditSender({ timeoutMs: sendTimeoutsFor(leaseMs).socketMs }),
      ...options,
      leaseMs,
    };
    this.#timeouts = sendTimeoutsFor(leaseMs);
    this.#limiter = new SharedRateLimiter(this.#options.ratePerSecond);
  }

  get #isStopping(): boolean {
    return this.#stopping.signal.aborted;
  }

  /** Claims and delivers one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    // Lapsed claims are looked for when idle, and every quarter lease while busy.
    if (this.#wasIdle || performance.now() - this.#reclaimedAt >= this.#timeouts.renewEveryMs) {
      await this.#reclaimLapsed();
      this.#reclaimedAt = performance.now();
    }
    const token = randomUUID();
    const claimedAt = performance.now();
    const { rows, limit } = await this.#claim(token);
    this.#wasIdle = rows.length === 0;
    if (rows.length === 0) {
      await this.#finishCampaigns();
      return 0;
    }
    const claim = new Claim(token, this.#options.leaseMs, this.#timeouts, claimedAt, this.#options.log);
    try {
      let next = 0;
      const lanes = Array.from({ length: Math.min(this.#options.concurrency, rows.length) }, async () => {
        // The previous message's "sent" mark, written while the next message is prepared and marked started.
        let recording: Promise<void> = Promise.resolve();
        while (next < rows.length && !this.#isStopping && claim.canStartSend()) {
          ({ recording } = await this.#deliver(rows[next++]!, claim, recording));
        }
        await recording;
      });
      await Promise.all(lanes);
    } finally {
      claim.end();
      if (claim.started < rows.length || claim.undelivered.length) await this.#release(claim);
    }
    if (rows.length < limit || performance.now() - this.#finishedAt >= FINISH_CAMPAIGNS_EVERY_MS) await this.#finishCampaigns();
    return rows.length;
  }

  /** Claims that lapsed (their worker died or lost the database): back to pending; a send that had begun is counted as unconfirmed. */
  async #reclaimLapsed(): Promise<void> {
    await prisma.$executeRaw`
      UPDATE outbox SET state = 'pending', claim_token = NULL, locked_until = NULL, started_at = NULL,
        unconfirmed_sends = unconfirmed_sends + (started_at IS NOT NULL)::int
      WHERE state = 'sending' AND locked_until < now()`;
  }

  async #claim(token: string): Promise<{ rows: ClaimedRow[]; limit: number }> {
    const { batchSize, concurrency, ratePerSecond, leaseMs } = this.#options;
    const limit =
      ratePerSecond > 0
        ? Math.max(concurrency, Math.min(batchSize, Math.ceil((ratePerSecond * RATE_LIMITED_BATCH_MS) / 1_000)))
        : batchSize;
    const rows = await prisma.$queryRaw<ClaimedRow[]>`
      WITH claimed AS (
        -- One table, walked in (state, priority, id) index order until the limit: no join, no sort of every
        -- pending row (paused and cancelled campaigns are left out by id, a list read once per claim).
        SELECT o.id FROM outbox o
        WHERE o.state = 'pending' AND o.next_attempt_at <= now()
          AND (o.campaign_id IS NULL OR o.campaign_id <> ALL(ARRAY(SELECT id FROM campaigns WHERE state IN ('paused', 'cancelled'))))
        ORDER BY o.priority, o.id
        LIMIT ${limit}
        FOR UPDATE OF o SKIP LOCKED
      )
      UPDATE outbox SET state = 'sending', attempts = outbox.attempts + 1, claim_token = ${token}::uuid, started_at = NULL,
        locked_until = now() + make_interval(secs => ${leaseMs / 1_000})
      FROM claimed WHERE outbox.id = claimed.id
      RETURNING outbox.id, outbox.kind, outbox.dispatch_id, outbox.campaign_id, outbox.channel::text AS channel, outbox.priority,
        outbox.customer_id, outbox.recipient, outbox.payload, outbox.attempts`;
    return { rows: rows.sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1)), limit };
  }

  /**
   * Sends one row once the previous message of this lane is recorded (so a
   * lane never has more than one delivered message without its result), and
   * returns the writing of this one's result, for the lane to await before
   * its next send.
   */
  async #deliver(row: ClaimedRow, claim: Claim, previous: Promise<void>): Promise<{ recording: Promise<void> }> {
    try {
      await this.#limiter.take(this.#stopping.signal);
    } catch {
      return { recording: previous }; // Stopping: the row is given back with the rest of the claim.
    }
    if (this.#isStopping || !claim.canStartSend()) return { recording: previous };
    let delivery: Delivery;
    try {
      delivery = await this.#preparer.prepare(row);
    } catch (error) {
      await previous;
      await this.#recordFailure(row, claim, error);
      return { recording: previous };
    }
    const started = this.#marks.write(row.id, claim.token, "start");
    await previous;
    try {
      if (!(await started)) return { recording: previous };
      claim.started++;
    } catch (error) {
      this.#options.log(`could not mark message ${row.id} as started, so it was not sent: ${describe(error)}`);
      return { recording: previous };
    }
    const sentAt = performance.now();
    try {
      if (delivery.channel === "email") await this.#options.transport.send(delivery.message);
      else if (delivery.channel === "http") {
        const answer = await this.#options.http.send(delivery.request);
        await this.#logWebhook(delivery.request, sentAt, { status: answer.status, response: answer.body, isSuccess: true });
      } else if (delivery.channel === "stripe") await this.#options.stripe.send(delivery.credit);
      else await this.#options.mirror(delivery.forVersion);
    } catch (error) {
      if (delivery.channel === "http") {
        const status = error instanceof HttpStatusError ? error.status : null;
        await this.#logWebhook(delivery.request, sentAt, { status, response: describe(error), isSuccess: false });
      }
      await this.#recordFailure(row, claim, error);
      return { recording: previous };
    }
    const recording = this.#marks.write(row.id, claim.token, "sent").then(
      (isOwned) => {
        if (!isOwned) this.#options.log(`message ${row.id} was delivered after its claim lapsed; it may be delivered twice`);
      },
      // Delivered but not recorded: the row stays claimed until its lease lapses, then counts as unconfirmed.
      (error: unknown) => this.#options.log(`message ${row.id} was delivered but could not be recorded: ${describe(error)}`),
    );
    return { recording };
  }

  /** A webhook's delivery log entry; a log that cannot be written never stops the delivery's own record. */
  async #logWebhook(
    request: HttpRequest,
    sentAt: number,
    outcome: { status: number | null; response: string; isSuccess: boolean },
  ): Promise<void> {
    if (!request.webhook) return;
    try {
      await recordWebhookDelivery({
        webhookId: request.webhook.id,
        event: request.webhook.event,
        responseMs: Math.round(performance.now() - sentAt),
        ...outcome,
      });
    } catch (error) {
      this.#options.log(`could not log the delivery to webhook ${request.webhook.id}: ${describe(error)}`);
    }
  }

  async #recordFailure(row: ClaimedRow, claim: Claim, error: unknown): Promise<void> {
    const failure = classifyFailure(row.channel, error);
    const giveUp = failure.kind === "permanent" || row.attempts >= MAX_ATTEMPTS;
    const retryAt = new Date(Date.now() + retryDelayMs(row.attempts));
    try {
      await prisma.$executeRaw`
        UPDATE outbox SET state = ${giveUp ? "failed" : "pending"}::"OutboxState", next_attempt_at = ${retryAt},
          claim_token = NULL, locked_until = NULL, started_at = NULL, last_error = ${failure.reason}
        WHERE id = ${row.id} AND claim_token = ${claim.token}::uuid`;
      // A permanent refusal marks the address as bounced: later campaigns leave it out.
      if (failure.kind === "permanent" && row.channel === "email" && row.customer_id)
        await prisma.customer.updateMany({ where: { id: row.customer_id }, data: { bouncedAt: new Date() } });
      // …and a subscriber's: no more notices until they subscribe again.
      if (failure.kind === "permanent" && row.kind === "subscriber_notice")
        await prisma.subscriber.updateMany({
          where: { email: row.recipient, state: "CONFIRMED" },
          data: { state: "BOUNCED", bouncedAt: new Date() },
        });
    } catch (recordError) {
      claim.undelivered.push(row.id);
      this.#options.log(`message ${row.id} failed (${failure.reason}) and the failure could not be recorded: ${describe(recordError)}`);
    }
  }

  /** Gives back at once what this claim did not send: rows not started, and failed sends whose failure was not recorded. */
  async #release(claim: Claim): Promise<void> {
    try {
      await prisma.$executeRaw`
        UPDATE outbox SET state = 'pending', claim_token = NULL, locked_until = NULL, started_at = NULL,
          attempts = CASE WHEN started_at IS NULL THEN attempts - 1 ELSE attempts END
        WHERE claim_token = ${claim.token}::uuid AND state = 'sending' AND (started_at IS NULL OR id = ANY(${claim.undelivered}::bigint[]))`;
    } catch (error) {
      this.#options.log(`could not give back a claim (it lapses by itself): ${describe(error)}`);
    }
  }

  /** A campaign with nothing left to send is sent (failed rows count as handled; "retry failed" reopens it). */
  async #finishCampaigns(): Promise<void> {
    this.#finishedAt = performance.now();
    await prisma.$executeRaw`
      UPDATE campaigns c SET state = 'sent', finished_at = now(), updated_at = now()
      WHERE c.state = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.campaign_id = c.id AND o.state IN ('pending', 'sending'))`;
  }

  /** Runs until stop(): a batch after a batch, a short sleep when there is nothing to send. */
  start(): void {
    if (this.#running) return;
    this.#stopping = new AbortController();
    this.#running = (async () => {
      while (!this.#isStopping) {
        let handled = 0;
        try {
          handled = await this.runOnce();
        } catch (error) {
          this.#options.log(`a batch failed and will be retried: ${describe(error)}`);
        }
        if (handled === 0 && !this.#isStopping)
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
            abortableSleep(this.#options.idleMs, this.#stopping.signal).then(resolve, resolve);
          });
      }
    })();
  }

  /** Wakes an idle worker (something was just queued in this process). */
  poke(): void {
    this.#wake?.();
  }

  /**
   * Finishes the messages in flight (each recorded), gives back the rest of
   * the claim at once, then closes the transport. Call it before the database
   * closes.
   */
  async stop(): Promise<void> {
    this.#stopping.abort(new Error("stopping"));
    this.poke();
    await this.#running;
    this.#running = null;
    this.#options.transport.close();
  }
}
