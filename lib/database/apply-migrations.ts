// Applies the committed migrations (prisma/migrations/*/migration.sql) at
// every start, with plain SQL: no schema engine. It keeps Prisma's own
// bookkeeping, so `prisma migrate deploy` and `prisma migrate status` run
// elsewhere agree with it: the `_prisma_migrations` table, the SHA-256 of the
// file as its checksum, and Prisma's advisory lock key, so two starts (or a
// start and `prisma migrate deploy`) never apply the same file twice. Each
// file runs in its own transaction together with its row in the table: a
// failing file leaves nothing half-applied and nothing recorded.
// Writing a new migration from the schema needs Prisma's diff: that is the
// developer's `npm run db:migration` (lib/database/schema-engine.ts).
import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { listMigrationNames } from "./migration-files";
import { CONNECT_TIMEOUT_MS } from "./timeouts";

/** The key `prisma migrate` locks with (its schema engine's constant). */
const PRISMA_MIGRATE_LOCK = 72_707_369;

/** Prisma's DDL for its table, as its schema engine creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Candor runs from its package directory (npm, scripts/start.mjs), like the health check and the email templates. */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export class MigrationError extends Error {}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Prisma's checksum of a migration: the hex SHA-256 of the file's bytes. */
export function migrationChecksum(script: Buffer | string): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Applies every migration not yet recorded as finished; returns their names.
 * Idempotent. `migrationsDir` is for tests.
 */
export async function applyMigrations(
  connectionString: string,
  { migrationsDir = MIGRATIONS_DIR, log = (message: string) => console.error(`candor: ${message}`) } = {},
): Promise<string[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at);
    if (failed) {
      throw new MigrationError(
        `the migration ${failed.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations. ` +
          `Fix the database by hand, then mark it with \`prisma migrate resolve --applied|--rolled-back ${failed.migration_name}\`.`,
      );
    }
    const finished = new Map(rows.filter((row) => row.finished_at).map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const name of await listMigrationNames(migrationsDir)) {
      const script = await readFile(path.join(migrationsDir, name, "migration.sql"));
      const checksum = migrationChecksum(script);
      if (finished.has(name)) {
        if (finished.get(name) !== checksum) log(`the migration ${name} was changed after it was applied (its checksum differs).`);
        continue;
      }
      await client.query("BEGIN");
      try {
        const startedAt = new Date();
        // The simple query protocol takes the whole file (function bodies with ";" included).
        await client.query(script.toString("utf8"));
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(`the migration ${name} failed, nothing of it was applied: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}
