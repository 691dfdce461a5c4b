// Every table the public snapshot is built from must move the snapshot version
// when written (a deferred trigger), or a write to it would never reach the
// public page. PostgreSQL checks it: the build runs as a role that may read
// only the tables carrying the trigger, so reading any other fails by name.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const adminUrl = process.env.DATABASE_URL!;
const role = `candor_snapshot_reader_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Tables with a deferred constraint trigger calling candor_bump_public_snapshot(). */
async function tablesWithVersionTrigger(): Promise<string[]> {
  const rows = await query<{ table: string }>(`
    SELECT DISTINCT c.relname AS table
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE p.proname = 'candor_bump_public_snapshot' AND t.tgconstraint <> 0 AND t.tgdeferrable AND t.tginitdeferred
     ORDER BY 1`);
  return rows.map((row) => row.table);
}

/**
 * Read by the build, and rightly without the trigger: nothing in them can change
 * what the public sees without a write to a table that has it.
 */
const READ_WITHOUT_TRIGGER: Record<string, string> = {
  users: "author names, which the public view removes (publicView in build-snapshot.ts, toPublicBanner)",
  postmortem_revisions: "never changed once written; publishing moves postmortems.published_revision, which has the trigger",
};

let triggered: string[];

beforeAll(async () => {
  // Something in every table (the demo: components, an incident with updates, a published
  // postmortem; and a banner), so the build runs every query it has.
  const { seedDemo } = await import("@/lib/demo/seed-demo");
  const { createAdmin } = await import("../support/factories");
  const { publishBanner } = await import("@/lib/banner/publish-banner");
  const { bannerSchema } = await import("@/lib/banner/schemas");
  await seedDemo();
  await publishBanner(await createAdmin(), { kind: "publish", input: bannerSchema.parse({ message: "Reads all", severity: "info" }) });
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  vi.resetModules();

  triggered = await tablesWithVersionTrigger();
  await query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  for (const table of [...triggered, "public_snapshot_version", ...Object.keys(READ_WITHOUT_TRIGGER)])
    await query(`GRANT SELECT ON "${table}" TO ${role}`);
  // Modules imported from here on are fresh: lib/db connects on first use, as the restricted role.
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  process.env.DATABASE_URL = adminUrl;
  await query(`DROP OWNED BY ${role}`);
  await query(`DROP ROLE ${role}`);
});

describe("the public snapshot's tables", () => {
  it("are the tables carrying the deferred version trigger", () => {
    expect(triggered).toEqual([
      "banner_versions",
      "component_groups",
      "component_status_intervals",
      "components",
      "incident_components",
      "incident_updates",
      "incidents",
      "page_logos",
      "page_settings",
      "postmortems",
    ]);
  });

  it("are all the snapshot build reads (it runs as a role that may read only those)", async () => {
    const { buildPublicSnapshot, readSnapshotVersion } = await import("@/lib/public-snapshot/build-snapshot");
    const built = await buildPublicSnapshot(await readSnapshotVersion()).catch((error: Error) => {
      throw new Error(`The snapshot build read a table without the version trigger: ${error.message}`);
    });
    expect(built.settings).toBeDefined();
  });
});
