// How an instance learns that the public snapshot changed, whoever wrote it:
// PostgreSQL NOTIFY on `candor_public_snapshot`, sent by the deferred trigger
// that bumps public_snapshot_version (so only when the write commits), on a
// connection of its own that does nothing but LISTEN. While that connection
// is down, the store is polled every `pollMs` instead, and the listener
// reconnects; while it is up, the store is checked only when the clock makes
// the snapshot stale (a banner's schedule, a new day) and every `safetyCheckMs`:
// a notification lost in a partition, and above all a hung database, which
// keeps the listening connection open and sends nothing. That check is one
// single-row read; every 2 s it makes a hang visible (the stale notice) within
// seconds, as a lost connection is.
import pg from "pg";
import { connectionOptions } from "../database/timeouts";
import type { PublicSnapshotStore } from "./store";

export const SNAPSHOT_CHANNEL = "candor_public_snapshot";

export interface WatchOptions {
  /** The fallback poll while not listening (250 ms: a write shows within a second). */
  pollMs?: number;
  /** Wait before reconnecting the listener after it dropped. */
  reconnectDelayMs?: number;
  /** While listening, a check this often all the same (a hung database, a notification lost in a partition). */
  safetyCheckMs?: number;
  log?: (message: string) => void;
}

export type WatchState = "connecting" | "listening" | "polling" | "closed";

export class SnapshotWatcher {
  readonly #store: PublicSnapshotStore;
  readonly #url: string;
  readonly #options: Required<WatchOptions>;
  #client: pg.Client | undefined;
  #state: WatchState = "connecting";
  #lastCheck = 0;
  #timer: NodeJS.Timeout;
  #reconnectTimer: NodeJS.Timeout | undefined;
  readonly #listeners = new Set<(state: WatchState) => void>();

  constructor(store: PublicSnapshotStore, url: string, options: WatchOptions = {}) {
    this.#store = store;
    this.#url = url;
    this.#options = {
      pollMs: 250,
      reconnectDelayMs: 1_000,
      safetyCheckMs: 2_000,
      log: (message) => console.error(`candor: ${message}`),
      ...options,
    };
    this.#timer = setInterval(() => this.#tick(), this.#options.pollMs).unref();
    void this.#connect();
  }

  get state(): WatchState {
    return this.#state;
  }

  /** Calls `listener` on each change of state; returns the unsubscribe. */
  onState(listener: (state: WatchState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reconnects the listener now rather than after the delay. */
  reconnect(): void {
    if (this.#state !== "polling") return;
    clearTimeout(this.#reconnectTimer);
    void this.#connect();
  }

  async close(): Promise<void> {
    this.#setState("closed");
    clearInterval(this.#timer);
    clearTimeout(this.#reconnectTimer);
    await this.#client?.end().catch(() => {});
  }

  #setState(state: WatchState): void {
    if (this.#state === state || this.#state === "closed") return;
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  #refresh(): void {
    this.#lastCheck = Date.now();
    void this.#store.refresh();
  }

  #tick(): void {
    if (this.#state !== "listening") return this.#refresh();
    const validUntil = this.#store.peek()?.snapshot.validUntil.getTime() ?? 0;
    if (Date.now() >= validUntil || Date.now() - this.#lastCheck >= this.#options.safetyCheckMs) this.#refresh();
  }

  async #connect(): Promise<void> {
    this.#setState("connecting");
    const client = new pg.Client(connectionOptions(this.#url));
    this.#client = client;
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped || this.#state === "closed") return;
      dropped = true;
      if (this.#state === "listening") {
        this.#options.log(
          `the public snapshot's change notifications stopped (${error?.message || "connection closed"}); polling every ${this.#options.pollMs} ms until they are back.`,
        );
      }
      this.#setState("polling");
      void client.end().catch(() => {});
      this.#reconnectTimer = setTimeout(() => void this.#connect(), this.#options.reconnectDelayMs).unref();
    };
    client.on("error", drop);
    client.on("end", () => drop());
    client.on("notification", (message) => {
      if (message.channel === SNAPSHOT_CHANNEL) this.#refresh();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SNAPSHOT_CHANNEL}`);
    } catch (error) {
      return drop(error as Error);
    }
    if (dropped || this.#state === "closed") return void client.end().catch(() => {});
    this.#setState("listening");
    // Whatever changed while nobody listened.
    this.#refresh();
  }
}
