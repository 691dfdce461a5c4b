// The outbox worker as a long-running part of a process: inside `npm start`
// (unless CANDOR_WORKER=0) or on its own with `npm run worker`.
import { createHttpTransport, createMailTransport, describeSmtpUrl } from "./transport";
import { OutboxWorker } from "./worker";
import type { Env } from "../env";
import { provided } from "../runtime/services";

export interface RunningOutboxWorker {
  /** Resolves when the worker has stopped (after the batch in flight). */
  stop(): Promise<void>;
  /** Looks for queued rows now instead of at the next poll. */
  poke(): void;
}

/**
 * Starts delivering. Its stop lets the messages in flight finish and be
 * recorded and gives the rest of the claim back at once: await it before the
 * database closes.
 */
export function startOutboxWorker(env: Env, log: (message: string) => void = console.log): RunningOutboxWorker {
  const leaseMs = env.CANDOR_OUTBOX_LEASE_SECONDS * 1_000;
  const transport = createMailTransport(env.SMTP_URL, leaseMs);
  const worker = new OutboxWorker({
    transport,
    http: createHttpTransport(leaseMs),
    ratePerSecond: env.CANDOR_SEND_RATE,
    leaseMs,
    log: (message) => log(`candor: outbox: ${message}`),
  });
  worker.start();
  log(
    transport.kind === "smtp"
      ? `Outbox worker: sending through ${describeSmtpUrl(env.SMTP_URL!)}${env.CANDOR_SEND_RATE ? `, at most ${env.CANDOR_SEND_RATE} messages a second across all workers` : ""}.`
      : "Outbox worker: no SMTP_URL, so messages go to the dev mailbox at /admin/mailbox (not delivered).",
  );
  return { stop: () => worker.stop(), poke: () => worker.poke() };
}

/**
 * Wakes this process's worker at once (a campaign was just queued here), the
 * one server.ts provided (lib/runtime/services.ts); others find it within half a second.
 */
export function pokeOutboxWorker(): void {
  provided("outboxWorker")?.poke();
}
