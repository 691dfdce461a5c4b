import { describe, expect, it } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";

describe("health", () => {
  it("reports the database kind, its version and no pending migrations", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: { kind: "postgresql" }, migrations: { pending: [] } });
    expect(health.status === "ok" && health.database.serverVersion).toMatch(/^\d+/);
  });

  it("names a read-only database: reads answer, the write probe is refused", async () => {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    await prisma.$executeRawUnsafe(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    await prisma.$disconnect(); // new connections take the setting
    try {
      const health = await checkHealth();
      expect(health).toMatchObject({ status: "unavailable", cause: "read-only" });
      expect(health.status === "unavailable" && health.reason).toMatch(/^The database refuses writes: the database is read-only/);
    } finally {
      await prisma.$disconnect();
      // Off for this session first, so the reset itself may write.
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query("SET default_transaction_read_only = off");
        await client.query(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
      } finally {
        await client.end();
      }
    }
  });
});
