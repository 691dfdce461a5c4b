// One PostgreSQL server per test run: the embedded one in a temporary data
// directory, or the server DATABASE_URL names (CI runs both). A migrated
// template database is built once; each test file clones it (fast).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/database/embedded/server";
import { applyMigrations } from "../../lib/database/apply-migrations";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "candor-test-db-"));
    server = await startEmbeddedServer({ dataDir, database: "postgres", log: () => {} });
    adminUrl = server.urlFor("postgres");
  }
  const templateDatabase = `candor_template_${process.pid}`;
  await execute(adminUrl, `DROP DATABASE IF EXISTS ${templateDatabase}`);
  await execute(adminUrl, `CREATE DATABASE ${templateDatabase}`);
  await applyMigrations(withDatabase(adminUrl, templateDatabase));
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    await execute(adminUrl!, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => {});
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
