// The outbox worker as a long-running part of a process: inside `npm start`
// (unless CANDOR_WORKER=0) or on its own with `npm run worker`.
import { createMailTransport, describeSmtpUrl } from "./transport";
import { OutboxWorker } from "./worker";
import type { Env } from "../env";

const registry = globalThis as { candorOutboxWorker?: OutboxWorker };

/** Starts delivering; returns the function that stops it (after the batch in flight). */
export function startOutboxWorker(env: Env, log: (message: string) => void = console.log): () => Promise<void> {
  const transport = createMailTransport(env.SMTP_URL);
  const worker = new OutboxWorker({ transport, ratePerSecond: env.CANDOR_SEND_RATE, log: (message) => log(`candor: outbox: ${message}`) });
  worker.start();
  registry.candorOutboxWorker = worker;
  log(
    transport.kind === "smtp"
      ? `Outbox worker: sending through ${describeSmtpUrl(env.SMTP_URL!)}${env.CANDOR_SEND_RATE ? `, at most ${env.CANDOR_SEND_RATE} messages a second` : ""}.`
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
