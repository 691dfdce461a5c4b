// The outbox worker as a long-running part of a process: inside `npm start`
// (unless CANDOR_WORKER=0) or on its own with `npm run worker`.
import { createHttpTransport, createMailTransport, describeSmtpUrl } from "./transport";
import { OutboxWorker } from "./worker";
import type { Env } from "../env";

const registry = globalThis as { candorOutboxWorker?: OutboxWorker };

/**
 * Starts delivering; returns the function that stops it: the messages in
 * flight finish and are recorded, the rest of the claim is given back at once.
 * Await it before the database closes.
 */
export function startOutboxWorker(env: Env, log: (message: string) => void = console.log): () => Promise<void> {
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
  registry.candorOutboxWorker = worker;
  log(
    transport.kind === "smtp"
      ? `Outbox worker: sending through ${describeSmtpUrl(env.SMTP_URL!)}${env.CANDOR_SEND_RATE ? `, at most ${env.CANDOR_SEND_RATE} messages a second across all workers` : ""}.`
      : "Outbox worker: no SMTP_URL, so messages go to the dev mailbox at /admin/mailbox (not delivered).",
  );
  return async () => {
    registry.candorOutboxWorker = undefined;
    await worker.stop();
  };
}

/** Wakes this process's worker at once (a campaign was just queued here); others find it within half a second. */
export function pokeOutboxWorker(): void {
  registry.candorOutboxWorker?.poke();
}
