import path from "node:path";
import { prisma } from "../db";
import { getDatabaseInfo } from "../database/info";
import { listMigrationNames } from "../database/migration-files";
import { describeDatabaseOutage, type DatabaseOutage } from "./database-outage";
import { describeEmbedded, describeFailure, describeSnapshot, probeWrite, type HealthCause } from "./health-parts";
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
    })
  | (Common & { status: "unavailable"; cause: HealthCause; reason: string; outage: DatabaseOutage });

export async function checkHealth(): Promise<Health> {
  const common: Common = { version: packageJson.version, snapshot: describeSnapshot(), embedded: describeEmbedded() };
  try {
    const [serverVersion, applied] = await withTimeout(Promise.all([readServerVersion(), readAppliedMigrations(), probeWrite()]));
    // The server runs from the project root (npm start), where prisma/ ships.
    const onDisk = await listMigrationNames(path.join(process.cwd(), "prisma", "migrations"));
    return {
      ...common,
      status: "ok",
      database: { kind: getDatabaseInfo().kind, serverVersion },
      migrations: { applied: applied.length, pending: onDisk.filter((name) => !applied.includes(name)) },
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
