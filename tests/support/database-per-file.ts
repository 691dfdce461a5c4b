// Gives each integration test file its own database, cloned from the migrated
// template, and points lib/db at it through DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { execute, withDatabase } from "./database-global-setup";

const adminUrl = inject("adminDatabaseUrl");
const database = `candor_test_${randomBytes(5).toString("hex")}`;
/** Any fixed number; only the test harness takes this lock. */
const CLONE_LOCK = 1_406_230_001;
await cloneTemplate();
process.env.DATABASE_URL = withDatabase(adminUrl, database);
// Candor has no built-in key: sessions and signed links need the secret, as in production.
process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";

afterAll(async () => {
  const { prisma } = await import("../../lib/db");
  await prisma.$disconnect();
  await execute(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

/**
 * PostgreSQL refuses to copy a template while another session uses it, and two
 * files cloning at once would each be "another session": clones take turns
 * under a session advisory lock (held on the admin database's connection,
 * released when it ends).
 */
async function cloneTemplate(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [CLONE_LOCK]);
    await client.query(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
  } finally {
    await client.end();
  }
}
