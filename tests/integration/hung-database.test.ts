// A hung database (every PostgreSQL process stopped with SIGSTOP: connections
// stay open, nothing answers) is treated as an outage within seconds: the
// snapshot check gives up and the public page is marked stale, an admin write
// fails with words the operator can act on and keeps the form's input, and
// nothing it started commits when the database resumes.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/database/embedded/server";
import { signalServer } from "../support/postgres-processes";

let root: string;
let server: EmbeddedServer;
let hung = false;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "candor-hung-"));
  await chmod(root, 0o755); // as root, the server runs as the postgres user, which must pass through
  server = await startEmbeddedServer({ dataDir: path.join(root, "data"), log: () => {} });
  await applyMigrations(server.urlFor(), { log: () => {} });
  // Before lib/db is first imported (below, dynamically): this file's own server, which it can stop.
  process.env.DATABASE_URL = server.urlFor();
});

afterAll(async () => {
  if (hung) signalServer(server.dataDir, "SIGCONT");
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

async function countIncidents(): Promise<number> {
  const client = new pg.Client({ connectionString: server.urlFor() });
  await client.connect();
  try {
    // Wait until every other session has ended: a backend reads what was
    // buffered on its socket before it notices the socket is closed.
    while (
      (
        await client.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
        )
      ).rows[0].n > 0
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (await client.query("SELECT count(*)::int AS n FROM incidents")).rows[0].n;
  } finally {
    await client.end();
  }
}

describe("a hung database", () => {
  it("marks the public page stale, fails a write with a clear message, and commits nothing after it resumes", async () => {
    const { createAdmin } = await import("../support/factories");
    const { declareIncident } = await import("@/lib/incidents/declare-incident");
    const { toActionFailure } = await import("@/lib/action-result");
    const { createPublicSnapshotStore } = await import("@/lib/public-snapshot");
    const actor = await createAdmin();
    const store = createPublicSnapshotStore();
    await store.refresh();
    expect(store.peek()?.staleSince).toBeNull();

    signalServer(server.dataDir, "SIGSTOP");
    hung = true;
    await store.refresh();
    expect(store.peek()?.staleSince).toBeInstanceOf(Date);

    const form = new FormData();
    form.set("title", "Checkout is failing");
    form.set("message", "We are looking into it.");
    const failure = await declareIncident(actor, {
      title: "Checkout is failing",
      message: "We are looking into it.",
      impact: "major",
      status: "investigating",
      components: [],
    }).then(
      () => null,
      (error: unknown) => toActionFailure(error, form),
    );
    expect(failure).toEqual({
      ok: false,
      message: "The database is not answering — nothing was saved, try again.",
      values: { title: "Checkout is failing", message: "We are looking into it." },
    });

    const { checkHealth } = await import("@/lib/health/check-health");
    expect(await checkHealth()).toMatchObject({ status: "unavailable", cause: "timeout" });

    // A plain read (the pool's own query path) has its deadline too: it does not wait for the server to resume.
    const { prisma } = await import("@/lib/db");
    const { classifyDatabaseFailure } = await import("@/lib/database/failure");
    expect(classifyDatabaseFailure(await prisma.incident.count().catch((error: unknown) => error))).toBe("timeout");

    signalServer(server.dataDir, "SIGCONT");
    hung = false;
    expect(await countIncidents()).toBe(0);
    await store.refresh();
    expect(store.peek()?.staleSince).toBeNull();
  });
});
