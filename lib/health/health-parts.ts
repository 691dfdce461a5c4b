// The parts of /api/health beyond "does a query answer": why not, how old
// the public snapshot is, how often the embedded server was restarted, and
// whether the database takes a write. Each a small function, so health can
// grow (the outbox's backlog) without one long one.
import { classifyDatabaseFailure, type DatabaseFailure } from "../database/failure";
import { prisma } from "../db";
import { getPublicSnapshotStore } from "../public-snapshot";
import { provided } from "../runtime/services";
import { describeMirror as describeMirrorStatus } from "../mirror/status";

export type HealthCause = DatabaseFailure | "disk-full" | "read-only" | "unknown";

const CAUSE_WORDS: Record<HealthCause, string> = {
  refused: "the connection was refused: the server is not running or not listening there",
  timeout: "no answer in time: the server is hung, overloaded or unreachable",
  closed: "the connection was closed: the server stopped or restarted",
  auth: "the server refused the login: check the user and password",
  "disk-full": "the disk is full: writes fail",
  "read-only": "the database is read-only: writes fail",
  unknown: "see the message",
};

/** What went wrong, classified, with the first line of the error (pg's refused connection has an empty message). */
export function describeFailure(error: unknown): { cause: HealthCause; reason: string } {
  const code = (error as { code?: string } | null)?.code;
  const cause: HealthCause =
    code === "53100" || /No space left on device/i.test(String((error as Error)?.message))
      ? "disk-full"
      : code === "25006" || /read-only (transaction|file system)/i.test(String((error as Error)?.message))
        ? "read-only"
        : (classifyDatabaseFailure(error) ?? "unknown");
  const message = error instanceof Error ? error.message.split("\n")[0] || code || error.name : String(error);
  return { cause, reason: `${CAUSE_WORDS[cause]} (${message})` };
}

/** How old the snapshot the public page serves is, and since when it is stale. */
export function describeSnapshot(now = new Date()) {
  const read = getPublicSnapshotStore().peek();
  if (!read) return null;
  return {
    builtAt: read.snapshot.builtAt.toISOString(),
    ageSeconds: Math.round((now.getTime() - read.snapshot.builtAt.getTime()) / 1000),
    staleSince: read.staleSince?.toISOString() ?? null,
  };
}

/** The embedded server's restarts since Candor started, or null with an external database. */
export function describeEmbedded() {
  const embedded = provided("embeddedDatabase");
  return embedded ? { restarts: embedded.restarts, gaveUpAt: embedded.gaveUpAt?.toISOString() ?? null } : null;
}

/**
 * A small write, dropped at commit: creating a temporary table writes
 * catalog rows (WAL-logged, on disk) and takes a transaction id. A read-only
 * server refuses it (25006); a server out of disk fails it (53100, or an I/O
 * error). Touches no table of Candor's. Rejects with the database's error.
 */
export async function probeWrite(): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("CREATE TEMPORARY TABLE candor_write_probe (at timestamptz) ON COMMIT DROP");
    await tx.$executeRawUnsafe("INSERT INTO candor_write_probe VALUES (now())");
  });
}

/** The static mirror's lag behind the live page and its last push; null when no mirror is configured. */
export async function describeMirror() {
  const status = await describeMirrorStatus();
  return (
    status && { target: status.target, lagSeconds: status.lagSeconds, lastSuccessAt: status.lastSuccessAt, lastError: status.lastError }
  );
}
