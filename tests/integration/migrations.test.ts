import { describe, expect, it } from "vitest";
import { getDatabaseUrl } from "@/lib/db";
import { applyMigrations, diffMigrationsToSchema, hasStatements } from "@/lib/database/migrations";

describe("migrations", () => {
  it("match prisma/schema.prisma exactly (run `npm run db:migration -- <name>` after changing the schema)", async () => {
    const drift = await diffMigrationsToSchema(getDatabaseUrl());
    expect(hasStatements(drift), `The schema and the migrations differ:\n${drift}`).toBe(false);
  });

  it("apply once: a second run on a migrated database applies nothing", async () => {
    expect(await applyMigrations(getDatabaseUrl())).toEqual([]);
  });
});
