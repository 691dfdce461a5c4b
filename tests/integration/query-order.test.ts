// Prisma's pg adapter may send several of a transaction's queries on one
// connection at once (prisma/orm#29646). pg 8 queues them with a deprecation
// warning; pg 9 refuses them. Candor's client sends them one at a time. Each
// case runs in its own node process: pg warns once per process.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { DeadlineClient } from "@/lib/database/timeouts";
import { getDatabaseUrl } from "@/lib/db";

const run = promisify(execFile);
const TIMEOUTS = path.resolve(import.meta.dirname, "../../lib/database/timeouts.ts");

/** Three queries sent at once on one connection, by Candor's client or by pg's own. */
async function queriesAtOnce(client: "candor" | "pg"): Promise<{ rows: number[]; warnings: string }> {
  const script = `
    import pg from "pg";
    const { DeadlineClient } = await import(${JSON.stringify(TIMEOUTS)});
    const Client = process.env.CLIENT === "pg" ? pg.Client : DeadlineClient;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("BEGIN");
    const sent = [3, 1, 2].map((n) => client.query("SELECT $1::int AS n, pg_sleep($1::int / 100.0)", [n]));
    const rows = (await Promise.all(sent)).map((result) => result.rows[0].n);
    await client.query("COMMIT");
    await client.end();
    console.log(JSON.stringify(rows));
  `;
  const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, CLIENT: client, DATABASE_URL: getDatabaseUrl() },
  });
  return { rows: JSON.parse(stdout.trim()), warnings: stderr };
}

describe("queries sent at once on one connection", () => {
  it("make pg 8 warn when sent straight to pg (what this test would see without Candor's client)", async () => {
    const { rows, warnings } = await queriesAtOnce("pg");
    expect(rows).toEqual([3, 1, 2]);
    expect(warnings).toContain("already executing a query");
  });

  it("reach PostgreSQL one after the other, in the order sent, through Candor's client", async () => {
    const { rows, warnings } = await queriesAtOnce("candor");
    expect(rows).toEqual([3, 1, 2]);
    expect(warnings).not.toContain("already executing a query");
  });

  it("leave no deadline behind when pg refuses to send one (it would cut the connection 15 s later)", async () => {
    const client = new DeadlineClient({ connectionString: getDatabaseUrl() });
    await client.connect();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await expect(client.query(null as never)).rejects.toThrow();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    const after: { rows: unknown[] } = await client.query("SELECT 2 AS two");
    expect(after.rows).toEqual([{ two: 2 }]);
    await client.end();
  });
});
