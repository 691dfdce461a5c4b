// CANDOR_SEND_RATE for the whole deployment: every worker reserves its send
// slots from one row in PostgreSQL (outbox_send_rate), a few at a time, and
// waits for each. Several workers together stay under the rate.
import { prisma } from "../db";

/** Slots reserved per round trip: about this much sending time. */
const RESERVE_MS = 100;
const MOST_PER_RESERVATION = 50;

export class SharedRateLimiter {
  readonly #stepMs: number;
  #slots: number[] = [];
  #reserving: Promise<void> | null = null;

  /** `perSecond` 0 means no limit. */
  constructor(private readonly perSecond: number) {
    this.#stepMs = perSecond > 0 ? 1_000 / perSecond : 0;
  }

  /** Resolves at this worker's next slot; rejects with the signal's reason if aborted while waiting. */
  async take(signal?: AbortSignal): Promise<void> {
    if (this.perSecond <= 0) return;
    while (this.#slots.length === 0) {
      this.#reserving ??= this.#reserve().finally(() => (this.#reserving = null));
      await this.#reserving;
    }
    const wait = this.#slots.shift()! - performance.now();
    if (wait > 0) await abortableSleep(wait, signal);
  }

  async #reserve(): Promise<void> {
    const count = Math.max(1, Math.min(MOST_PER_RESERVATION, Math.floor(RESERVE_MS / this.#stepMs)));
    const seconds = (count * this.#stepMs) / 1_000;
    // The row's time is the end of the last slot anyone reserved; ours follow it (or start now).
    const [row] = await prisma.$queryRaw<{ ends_in_ms: number }[]>`
      INSERT INTO outbox_send_rate AS r (id, next_slot_at) VALUES (1, clock_timestamp() + make_interval(secs => ${seconds}))
      ON CONFLICT (id) DO UPDATE SET next_slot_at = greatest(r.next_slot_at, clock_timestamp()) + make_interval(secs => ${seconds})
      RETURNING (extract(epoch FROM r.next_slot_at - clock_timestamp()) * 1000)::float8 AS ends_in_ms`;
    const start = performance.now() + row!.ends_in_ms - count * this.#stepMs;
    for (let index = 0; index < count; index++) this.#slots.push(start + index * this.#stepMs);
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
