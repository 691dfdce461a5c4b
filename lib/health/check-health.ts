import path from "node:path";
import { prisma } from "../db";
import { getDatabaseInfo } from "../database/info";
import { listMigrationNames } from "../database/migration-files";
import packageJson from "../../package.json" with { type: "json" };

const DATABASE_TIMEOUT_MS = 3_000;

export type Health =
  | {
      status: "ok";
      version: string;
      database: { kind: "embedded" | "postgresql"; serverVersion: string };
      migrations: { applied: number; pending: string[] };
      outbox: OutboxHealth;
    }
  | { status: "unavailable"; version: string; reason: string };

export async function checkHealth(): Promise<Health> {
  const version = packageJson.version;
  try {
    const [serverVersion, applied, outbox] = await withTimeout(
      Promise.all([readServerVersion(), readAppliedMigrations(), readOutboxHealth()]),
    );
    // The server runs from the project root (npm start), where prisma/ ships.
    const onDisk = await listMigrationNames(path.join(process.cwd(), "prisma", "migrations"));
    return {
      status: "ok",
      version,
      database: { kind: getDatabaseInfo().kind, serverVersion },
      migrations: { applied: applied.length, pending: onDisk.filter((name) => !applied.includes(name)) },
      outbox,
    };
  } catch (error) {
    return { status: "unavailable", version, reason: `The database is unreachable: ${(error as Error).message.split("\n")[0]}` };
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
      setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS),
    ),
  ]);
}
