import { describe, expect, it } from "vitest";

// Before lib/db is first imported: a port nothing listens on.
process.env.DATABASE_URL = "postgres://candor:wrong@127.0.0.1:1/candor";

describe("health with the database down", () => {
  it("says unavailable with the reason instead of throwing", async () => {
    const { checkHealth } = await import("@/lib/health/check-health");
    const health = await checkHealth();
    expect(health.status).toBe("unavailable");
    expect(health.status === "unavailable" && health.reason).toMatch(/^The database is unreachable: the connection was refused/);
    expect(health).toMatchObject({ cause: "refused", outage: { checks: expect.any(Array) } });
  });
});
