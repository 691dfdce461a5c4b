// Delivers the outbox: claims a batch with FOR UPDATE SKIP LOCKED (so several
// workers on one PostgreSQL never take the same row), sends each message, and
// records each result. A claim lapses after LEASE_SECONDS: rows of a worker
// that died mid-batch are sent again by another, so a crash repeats at most
// the messages that were in flight.
import { prisma } from "../db";
import { getPageSettings } from "../settings/queries";
import { classifySendError, MAX_ATTEMPTS, messageIdFor, retryDelayMs, senderHeader } from "../email/delivery-rules";
import { recipientValues, type RecipientFields } from "../email/personalise";
import { personaliseMessage, type CompiledMessage } from "../email/templates";
import { oneClickUnsubscribeUrl, unsubscribeUrl } from "../email/unsubscribe";
import { RateLimiter } from "./rate-limiter";
import { senderAddress, type MailTransport } from "./transport";

const LEASE_SECONDS = 120;

interface ClaimedRow {
  id: bigint;
  campaign_id: string;
  customer_id: string | null;
  email: string;
  values: RecipientFields;
  attempts: number;
}

interface CampaignCopy {
  message: CompiledMessage;
  publicUrl: string;
  /** The sender's display name: the page's name. */
  pageName: string;
}

export interface OutboxWorkerOptions {
  transport: MailTransport;
  batchSize?: number;
  /** Messages in flight at once (the SMTP pool's connections carry them). */
  concurrency?: number;
  ratePerSecond?: number;
  idleMs?: number;
  log?: (message: string) => void;
}

export class OutboxWorker {
  readonly #options: Required<OutboxWorkerOptions>;
  readonly #limiter: RateLimiter;
  readonly #campaigns = new Map<string, CampaignCopy>();
  #running: Promise<void> | null = null;
  #stopping = false;
  #wake: (() => void) | null = null;

  constructor(options: OutboxWorkerOptions) {
    this.#options = {
      batchSize: 50,
      concurrency: 10,
      ratePerSecond: 0,
      idleMs: 500,
      log: (message) => console.log(`[outbox] ${message}`),
      ...options,
    };
    this.#limiter = new RateLimiter(this.#options.ratePerSecond);
  }

  /** Claims and sends one batch; returns how many messages it handled. */
  async runOnce(): Promise<number> {
    const rows = await prisma.$queryRaw<ClaimedRow[]>`
      WITH claimed AS (
        SELECT o.id FROM outbox o JOIN campaigns c ON c.id = o.campaign_id
        WHERE c.state = 'sending'
          AND ((o.state = 'pending' AND o.next_attempt_at <= now()) OR (o.state = 'sending' AND o.locked_until < now()))
        ORDER BY o.id
        LIMIT ${this.#options.batchSize}
        FOR UPDATE OF o SKIP LOCKED
      )
      UPDATE outbox SET state = 'sending', attempts = outbox.attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      FROM claimed WHERE outbox.id = claimed.id
      RETURNING outbox.id, outbox.campaign_id, outbox.customer_id, outbox.email, outbox.values, outbox.attempts`;
    if (rows.length === 0) {
      await this.#finishCampaigns();
      return 0;
    }
    const sent: bigint[] = [];
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.#options.concurrency, rows.length) }, async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const outcome = await this.#deliver(row);
        if (outcome === "sent") sent.push(row.id);
      }
    });
    await Promise.all(lanes);
    if (sent.length) {
      await prisma.$executeRaw`UPDATE outbox SET state = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY(${sent}::bigint[])`;
    }
    await this.#finishCampaigns();
    return rows.length;
  }

  async #deliver(row: ClaimedRow): Promise<"sent" | "failed"> {
    try {
      const campaign = await this.#campaign(row.campaign_id);
      const link = unsubscribeUrl(campaign.publicUrl, row.email);
      const copy = personaliseMessage(campaign.message, recipientValues({ ...row.values, email: row.email }), link);
      await this.#limiter.take();
      await this.#options.transport.send({
        from: senderHeader(campaign.pageName, senderAddress(campaign.publicUrl)),
        to: row.email,
        subject: copy.subject,
        html: copy.html,
        text: copy.text,
        messageId: messageIdFor(row.campaign_id, row.email, new URL(campaign.publicUrl).hostname),
        campaignId: row.campaign_id,
        headers: {
          "List-Unsubscribe": `<${oneClickUnsubscribeUrl(campaign.publicUrl, row.email)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "X-Candor-Campaign": row.campaign_id,
        },
      });
      return "sent";
    } catch (error) {
      const failure = classifySendError(error);
      const giveUp = failure.kind === "permanent" || row.attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(Date.now() + retryDelayMs(row.attempts));
      await prisma.$executeRaw`
        UPDATE outbox SET state = ${giveUp ? "failed" : "pending"}::"OutboxState", next_attempt_at = ${retryAt}, locked_until = NULL, last_error = ${failure.reason}
        WHERE id = ${row.id}`;
      // A permanent refusal marks the address as bounced: later sends leave it out.
      if (failure.kind === "permanent" && row.customer_id)
        await prisma.customer.updateMany({ where: { id: row.customer_id }, data: { bouncedAt: new Date() } });
      return "failed";
    }
  }

  async #campaign(id: string): Promise<CampaignCopy> {
    const cached = this.#campaigns.get(id);
    if (cached) return cached;
    const [campaign, settings] = await Promise.all([
      prisma.campaign.findUniqueOrThrow({ where: { id }, select: { subject: true, html: true, text: true } }),
      getPageSettings(),
    ]);
    if (campaign.html === null || campaign.text === null) throw new Error(`Campaign ${id} was queued without its compiled message`);
    const copy = {
      message: { subject: campaign.subject, html: campaign.html, text: campaign.text },
      publicUrl: settings.effectivePublicUrl,
      pageName: settings.pageName,
    };
    this.#campaigns.set(id, copy);
    return copy;
  }

  /** A campaign with nothing left to send is sent (failed rows count as handled; "retry failed" reopens it). */
  async #finishCampaigns(): Promise<void> {
    await prisma.$executeRaw`
      UPDATE campaigns c SET state = 'sent', finished_at = now(), updated_at = now()
      WHERE c.state = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.campaign_id = c.id AND o.state IN ('pending', 'sending'))`;
  }

  /** Runs until stop(): a batch after a batch, a short sleep when there is nothing to send. */
  start(): void {
    if (this.#running) return;
    this.#stopping = false;
    this.#running = (async () => {
      while (!this.#stopping) {
        let handled = 0;
        try {
          handled = await this.runOnce();
        } catch (error) {
          this.#options.log(`a batch failed and will be retried: ${(error as Error).message}`);
          handled = 0;
        }
        if (handled === 0 && !this.#stopping)
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
            setTimeout(resolve, this.#options.idleMs);
          });
      }
    })();
  }

  /** Wakes an idle worker (a campaign was just queued in this process). */
  poke(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.poke();
    await this.#running;
    this.#running = null;
    this.#options.transport.close();
  }
}
