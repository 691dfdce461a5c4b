// Gives each integration test file its own database, cloned from the migrated
// template, and points lib/db at it through DATABASE_URL.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { execute, withDatabase } from "./database-global-setup";

const adminUrl = inject("adminDatabaseUrl");
const database = `candor_test_${randomBytes(5).toString("hex")}`;
await cloneTemplate();
process.env.DATABASE_URL = withDatabase(adminUrl, database);
// Candor has no built-in key: sessions and signed links need the secret, as in production.
process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";

afterAll(async () => {
  const { prisma } = await import("../../lib/db");
  await prisma.$disconnect();
  await execute(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

/** Two files cloning the template at the same moment collide ("being accessed by other users"): retry. */
async function cloneTemplate(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await execute(adminUrl, `CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
      return;
    } catch (error) {
      if (attempt >= 50 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
    }
  }
}
