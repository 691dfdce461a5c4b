// The outbox worker as a long-running part of a process: inside `npm start`
// (unless CANDOR_WORKER=0) or on its own with `npm run worker`.
import { createMailTransport, describeSmtpUrl } from "./transport";
import { OutboxWorker } from "./worker";
import type { Env } from "../env";
import { provided } from "../runtime/services";

export interface RunningOutboxWorker {
  /** Resolves when the worker has stopped (after the batch in flight). */
  stop(): Promise<void>;
  /** Looks for queued rows now instead of at the next poll. */
  poke(): void;
}

/** Starts delivering. */
export function startOutboxWorker(env: Env, log: (message: string) => void = console.log): RunningOutboxWorker {
  const transport = createMailTransport(env.SMTP_URL);
  const worker = new OutboxWorker({ transport, ratePerSecond: env.CANDOR_SEND_RATE, log: (message) => log(`candor: outbox: ${message}`) });
  worker.start();
  log(
    transport.kind === "smtp"
      ? `Outbox worker: sending through ${describeSmtpUrl(env.SMTP_URL!)}${env.CANDOR_SEND_RATE ? `, at most ${env.CANDOR_SEND_RATE} messages a second` : ""}.`
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
