import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health/check-health";

describe("health", () => {
  it("reports the database kind, its version and no pending migrations", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: { kind: "postgresql" }, migrations: { pending: [] } });
    expect(health.status === "ok" && health.database.serverVersion).toMatch(/^\d+/);
  });
});
