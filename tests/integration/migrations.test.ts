import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseUrl } from "@/lib/db";
import { applyMigrations, MigrationError } from "@/lib/database/apply-migrations";
import { applyMigrationsWithSchemaEngine, diffMigrationsToSchema, hasStatements } from "@/lib/database/schema-engine";

const scratch: string[] = [];
const directories: string[] = [];

/** An empty database beside this file's own, dropped after the file. */
async function emptyDatabase(): Promise<string> {
  const name = `candor_migrate_${randomBytes(5).toString("hex")}`;
  await query(getDatabaseUrl(), `CREATE DATABASE ${name}`);
  scratch.push(name);
  const url = new URL(getDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of scratch) await query(getDatabaseUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

const RECORDED = `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished, rolled_back_at
  FROM _prisma_migrations ORDER BY migration_name`;

describe("migrations", () => {
  it("match prisma/schema.prisma exactly (run `npm run db:migration -- <name>` after changing the schema)", async () => {
    const drift = await diffMigrationsToSchema(getDatabaseUrl());
    expect(hasStatements(drift), `The schema and the migrations differ:\n${drift}`).toBe(false);
  });

  it("apply once: a second run on a migrated database applies nothing", async () => {
    expect(await applyMigrations(getDatabaseUrl())).toEqual([]);
  });

  it("are recorded exactly as Prisma's schema engine records them, so `prisma migrate status` agrees", async () => {
    const [byCandor, byPrisma] = [await emptyDatabase(), await emptyDatabase()];
    const applied = await applyMigrations(byCandor);
    expect(applied.length).toBeGreaterThan(0);
    await applyMigrationsWithSchemaEngine(byPrisma);
    expect(await query(byCandor, RECORDED)).toEqual(await query(byPrisma, RECORDED));
    // Prisma's engine finds nothing left to apply on the database Candor migrated.
    expect(await applyMigrationsWithSchemaEngine(byCandor)).toEqual([]);
  });

  it("a failing file leaves nothing half-applied and nothing recorded; the next start applies it once fixed", async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "candor-migrations-"));
    directories.push(dir);
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name), { recursive: true });
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    };
    await write("1_first", "CREATE TABLE first (id int);");
    await write("2_broken", "CREATE TABLE second (id int);\nINSERT INTO nowhere VALUES (1);");
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(MigrationError);
    expect((await query<{ migration_name: string }>(url, RECORDED)).map((row) => row.migration_name)).toEqual(["1_first"]);
    expect(await query(url, "SELECT to_regclass('second') AS second")).toEqual([{ second: null }]);

    await write("2_broken", "CREATE TABLE second (id int);");
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual(["2_broken"]);
  });
});
