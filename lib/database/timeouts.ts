// How long Candor waits for PostgreSQL: the one place for every connection's
// limits. A database that is down refuses at once, but a hung one (stopped,
// a frozen VM, a dead network path) accepts connections and then says
// nothing: without these limits a query waits forever, the public page never
// learns it is stale, and an action that finally goes through when the
// database resumes commits behind the operator's back.
import pg from "pg";
import { NOT_ANSWERING } from "./failure";

/** A new connection must be ready (TCP, TLS, authentication) within this. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * The server cancels a statement running longer (a slow query, a lock wait):
 * it fails with its own error. The bulk statements (queuing 100,000
 * recipients, a 100,000-row import) take 2–5 s here (bench/README.md).
 */
const STATEMENT_TIMEOUT_MS = 12_000;
/**
 * A query with no answer at all within this means the server is not
 * answering: the client closes the connection, so anything the server reads
 * later from that socket (an INSERT inside a transaction) is rolled back when
 * it finds the socket closed. Longer than STATEMENT_TIMEOUT_MS so a merely
 * slow statement is cancelled by the server first, with its real error.
 */
const QUERY_DEADLINE_MS = 15_000;
/** A transaction whose client stopped talking (crashed, hung) gives back its locks. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * A pg client whose every query has a deadline: past it the connection is
 * destroyed (not just the promise rejected, as pg's own query_timeout does,
 * which leaves the connection to receive the late answer), so the pool
 * discards it and the server rolls back whatever that connection had open.
 */
export class DeadlineClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A destroyed connection emits "error"; the query that was waiting has
    // already been rejected with it, so this must not crash the process.
    this.on("error", () => {});
  }

  /** Settles when the last query this client was given has: the next one waits for it. */
  #previous: Promise<unknown> = Promise.resolve();

  // Both forms: a pool runs its queries with a callback, a checked-out client (a transaction) with the promise.
  override query(...args: unknown[]): never {
    const connection = (this as unknown as { connection: { stream: { destroy(error?: Error): void } } }).connection;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer = setTimeout(() => connection.stream.destroy(new Error(NOT_ANSWERING)), QUERY_DEADLINE_MS));
    const query = super.query as (...a: unknown[]) => unknown;
    const callback = args.at(-1);
    // A pool's query: sent at once, as it runs on an idle connection with nothing to wait for.
    if (typeof callback === "function") {
      arm();
      try {
        return query.apply(this, [
          ...args.slice(0, -1),
          (...results: unknown[]) => {
            clearTimeout(timer);
            return callback(...results);
          },
        ]) as never;
      } catch (error) {
        clearTimeout(timer);
        throw error;
      }
    }
    // A cursor or a stream (pg hands it back at once; Candor uses neither), or
    // a config carrying its own callback: as pg takes them, without a deadline.
    const config = args[0] as { submit?: unknown; callback?: unknown } | null;
    if (typeof config?.submit === "function" || typeof config?.callback === "function") return query.apply(this, args) as never;
    // Prisma's pg adapter sends some of a transaction's queries at once
    // (prisma/orm#29646); pg queues them today and warns that pg 9 will
    // refuse them. Each waits here for the one before, so its deadline starts
    // when it is sent, not while it waits its turn.
    const send = () => {
      // pg may throw instead (a query it cannot send): then no deadline is left behind to cut the connection later.
      const sent = query.apply(this, args) as Promise<unknown>;
      arm();
      return sent.finally(() => clearTimeout(timer));
    };
    const result = this.#previous.then(send, send);
    this.#previous = result.catch(() => {});
    return result as never;
  }
}

/** Options for every pg pool and client Candor opens for its own work. */
export function connectionOptions(connectionString: string) {
  return {
    connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // TCP keepalive notices a peer that vanished without closing (a dead host).
    keepAlive: true,
  };
}
