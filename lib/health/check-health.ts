import path from "node:path";
import { prisma } from "../db";
import { getDatabaseInfo } from "../database/info";
import { listMigrationNames } from "../database/migration-files";
import { describeDatabaseOutage, type DatabaseOutage } from "./database-outage";
import packageJson from "../../package.json" with { type: "json" };

const DATABASE_TIMEOUT_MS = 3_000;

export type Health =
  | {
      status: "ok";
      version: string;
      database: { kind: "embedded" | "postgresql"; serverVersion: string };
      migrations: { applied: number; pending: string[] };
    }
  | { status: "unavailable"; version: string; reason: string; outage: DatabaseOutage };

export async function checkHealth(): Promise<Health> {
  const version = packageJson.version;
  try {
    const [serverVersion, applied] = await withTimeout(Promise.all([readServerVersion(), readAppliedMigrations()]));
    // The server runs from the project root (npm start), where prisma/ ships.
    const onDisk = await listMigrationNames(path.join(process.cwd(), "prisma", "migrations"));
    return {
      status: "ok",
      version,
      database: { kind: getDatabaseInfo().kind, serverVersion },
      migrations: { applied: applied.length, pending: onDisk.filter((name) => !applied.includes(name)) },
    };
  } catch (error) {
    return {
      status: "unavailable",
      version,
      reason: `The database is unreachable: ${(error as Error).message.split("\n")[0]}`,
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
      setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS),
    ),
  ]);
}
