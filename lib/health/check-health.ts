import path from "node:path";
import { prisma } from "../db";
import { getDatabaseInfo } from "../database/info";
import { listMigrationNames } from "../database/migration-files";
import { describeDatabaseOutage, type DatabaseOutage } from "./database-outage";
import { describeEmbedded, describeFailure, describeMirror, describeSnapshot, probeWrite, type HealthCause } from "./health-parts";
import packageJson from "../../package.json" with { type: "json" };

const DATABASE_TIMEOUT_MS = 3_000;

interface Common {
  version: string;
  /** The snapshot the public page serves: its age, and since when it is stale (null: live). */
  snapshot: ReturnType<typeof describeSnapshot>;
  /** The embedded PostgreSQL's restarts (null with DATABASE_URL). */
  embedded: ReturnType<typeof describeEmbedded>;
}

export type Health =
  | (Common & {
      status: "ok";
      database: { kind: "embedded" | "postgresql"; serverVersion: string };
      migrations: { applied: number; pending: string[] };
      outbox: OutboxHealth;
      /** The static mirror (null when none is configured): lagSeconds behind the live page, its last success and error. */
      mirror: Awaited<ReturnType<typeof describeMirror>>;
    })
  | (Common & { status: "unavailable"; cause: HealthCause; reason: string; outage: DatabaseOutage });

export async function checkHealth(): Promise<Health> {
  const common: Common = { version: packageJson.version, snapshot: describeSnapshot(), embedded: describeEmbedded() };
  try {
    const [serverVersion, applied, outbox, , mirror] = await withTimeout(
      Promise.all([readServerVersion(), readAppliedMigrations(), readOutboxHealth(), probeWrite(), describeMirror()]),
    );
    // The server runs from the project root (npm start), where prisma/ ships.
    const onDisk = await listMigrationNames(path.join(process.cwd(), "prisma", "migrations"));
    return {
      ...common,
      status: "ok",
      database: { kind: getDatabaseInfo().kind, serverVersion },
      migrations: { applied: applied.length, pending: onDisk.filter((name) => !applied.includes(name)) },
      outbox,
      mirror,
    };
  } catch (error) {
    const { cause, reason } = describeFailure(error);
    return {
      ...common,
      status: "unavailable",
      cause,
      reason: `${cause === "disk-full" || cause === "read-only" ? "The database refuses writes" : "The database is unreachable"}: ${reason}`,
      // Since when, and what to check: the admin's error pages show it (components/use-database-outage.ts).
      outage: describeDatabaseOutage(),
    };
  }
}

export interface OutboxHealth {
  /** Messages not yet sent (waiting, retrying or being sent). */
  pending: number;
  /** How long the longest-waiting message that is due (not paused, not backing off) has waited; 0 when none. */
  oldestPendingSeconds: number;
  /** Messages given up on (a permanent refusal or too many attempts). */
  failed: number;
}

async function readOutboxHealth(): Promise<OutboxHealth> {
  // Each count reads the (state, …) indexes' pending or failed rows, never the sent history.
  const [row] = await prisma.$queryRaw<{ pending: bigint; oldest: number | null; failed: bigint }[]>`
    SELECT
      (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')) AS pending,
      (SELECT extract(epoch FROM now() - min(o.next_attempt_at))::float8 FROM outbox o LEFT JOIN campaigns c ON c.id = o.campaign_id
        WHERE o.state IN ('pending', 'sending') AND o.next_attempt_at <= now() AND (o.campaign_id IS NULL OR c.state = 'sending')) AS oldest,
      (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed`;
  return {
    pending: Number(row!.pending),
    oldestPendingSeconds: Math.max(0, Math.floor(row!.oldest ?? 0)),
    failed: Number(row!.failed),
  };
}

async function readServerVersion(): Promise<string> {
  const rows = await prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  return rows[0]!.server_version;
}

async function readAppliedMigrations(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((row) => row.migration_name);
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the database did not answer within ${DATABASE_TIMEOUT_MS / 1000} s`)), DATABASE_TIMEOUT_MS),
    ),
  ]);
}
