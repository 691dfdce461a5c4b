// One mirror push at a time across every instance and worker on the same
// PostgreSQL: a session advisory lock on a connection of its own, held for
// the push and released when it ends (or when the process dies and its
// connection closes).
import "server-only";
import pg from "pg";
import { getDatabaseUrl } from "../db";
import { connectionOptions } from "../database/timeouts";

/** Arbitrary, fixed: "candor mirror push". */
const MIRROR_LOCK_KEY = 7_022_001;

export class MirrorBusyError extends Error {
  constructor() {
    super("Another Candor instance has been pushing the mirror for a while; this push is retried.");
    this.name = "MirrorBusyError";
  }
}

/**
 * Runs `work` holding the lock. Waits for a push in progress elsewhere up to
 * the connection's statement timeout, then rejects with MirrorBusyError.
 */
export async function withMirrorLock<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client(connectionOptions(getDatabaseUrl()));
  client.on("error", () => undefined); // A lost connection surfaces in the query or on end.
  await client.connect();
  try {
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIRROR_LOCK_KEY]);
    } catch (error) {
      if ((error as { code?: string }).code === "57014") throw new MirrorBusyError();
      throw error;
    }
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
