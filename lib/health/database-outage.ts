// What operators are told while Candor cannot reach its database: since
// when, which snapshot the public page shows, and what to check. Read from
// the process's snapshot store, which notices a refused or hung database
// within a few seconds (lib/public-snapshot/store.ts).
import path from "node:path";
import { isDatabaseUnavailable } from "../database/failure";
import { describeDatabaseUrl } from "../database/info";
import { getEnv } from "../env";
import { getPublicSnapshotStore } from "../public-snapshot";

export interface DatabaseOutage {
  /** When this process first failed to reach the database (ISO). */
  since: string;
  /** When the snapshot the public page serves was built (ISO), if one is loaded. */
  snapshotBuiltAt: string | null;
  /** What an operator should check, most likely first. */
  checks: string[];
}

function whatToCheck(): string[] {
  const env = getEnv();
  const server = env.DATABASE_URL
    ? `That the PostgreSQL server at ${describeDatabaseUrl(env.DATABASE_URL)} is running and accepts connections from this machine.`
    : `Candor's log and the embedded PostgreSQL's log, ${path.join(env.CANDOR_DATA_DIR, "postgres.log")}: Candor restarts the embedded server by itself.`;
  return [
    server,
    "That the disk holding the database has free space and is writable.",
    "/api/health, which names the cause (refused, no answer, authentication).",
  ];
}

/** The outage this process knows of, or null while the database answers. */
export function findDatabaseOutage(): DatabaseOutage | null {
  const read = getPublicSnapshotStore().peek();
  if (!read?.staleSince) return null;
  return { since: read.staleSince.toISOString(), snapshotBuiltAt: read.snapshot.builtAt.toISOString(), checks: whatToCheck() };
}

/** The known outage, or one starting now (a load just failed before the snapshot store noticed). */
export function describeDatabaseOutage(): DatabaseOutage {
  const known = findDatabaseOutage();
  if (known) return known;
  const peek = getPublicSnapshotStore().peek();
  return { since: new Date().toISOString(), snapshotBuiltAt: peek?.snapshot.builtAt.toISOString() ?? null, checks: whatToCheck() };
}

/**
 * Runs a page's loads; when they fail because the database is unreachable
 * (before the snapshot store noticed), answers the outage instead of a 500.
 * Any other error, Next's redirects included, goes on up.
 */
export async function loadUnlessDatabaseDown<T>(load: () => Promise<T>): Promise<{ outage: DatabaseOutage } | { value: T }> {
  const known = findDatabaseOutage();
  if (known) return { outage: known };
  try {
    return { value: await load() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
  }
  // Once more: after a restart of the server, a pooled connection to it fails
  // once and is discarded; a fresh one answers. Loads here are reads.
  try {
    return { value: await load() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { outage: describeDatabaseOutage() };
  }
}
