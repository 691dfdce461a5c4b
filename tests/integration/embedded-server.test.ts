import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { StartupError } from "@/lib/database/embedded/errors";
import { isProcessAlive } from "@/lib/database/embedded/process-tools";
import { startEmbeddedServer } from "@/lib/database/embedded/server";

const roots: string[] = [];

async function newDataDir(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-embedded-"));
  await chmod(root, 0o755); // as root, the server runs as the postgres user, which must pass through
  roots.push(root);
  return path.join(root, "data");
}

function startOwner(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/support/embedded-owner.ts"), dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve(child));
    child.on("exit", (code) => reject(new Error(`owner exited with ${code}`)));
  });
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
}

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe("the embedded PostgreSQL server", () => {
  it("refuses a second Candor on the same data directory, and recovers after the first is killed with SIGKILL", async () => {
    const dataDir = await newDataDir();
    const owner = await startOwner(dataDir);

    const second = startEmbeddedServer({ dataDir, log: () => {} });
    await expect(second).rejects.toThrow(StartupError);
    await expect(second).rejects.toThrow(`in use by another Candor process (pid ${owner.pid})`);

    owner.kill("SIGKILL");
    await new Promise((resolve) => owner.once("exit", resolve));
    const orphan = await postmasterPid(dataDir);
    expect(isProcessAlive(orphan)).toBe(true);

    const logs: string[] = [];
    const server = await startEmbeddedServer({ dataDir, log: (line) => logs.push(line) });
    try {
      expect(logs.join("\n")).toContain(`Found PostgreSQL (pid ${orphan}) left running`);
      expect(isProcessAlive(orphan)).toBe(false);
      const client = new pg.Client({ connectionString: server.urlFor() });
      await client.connect();
      const { rows } = await client.query("SELECT name FROM survivors");
      await client.end();
      expect(rows).toEqual([{ name: "before the crash" }]);
    } finally {
      await server.stop();
    }
    await expect(readFile(path.join(dataDir, "candor.lock"), "utf8")).rejects.toThrow();
  });

  it("starts the server again after its postmaster is killed with SIGKILL, and a write succeeds after", async () => {
    const dataDir = await newDataDir();
    const logs: string[] = [];
    const server = await startEmbeddedServer({ dataDir, log: (line) => logs.push(line) });
    try {
      const killed = await postmasterPid(dataDir);
      const started = Date.now();
      process.kill(killed, "SIGKILL");
      // A bound on waiting (the issue asks for 10 s), not a timing target: the recovery time is printed.
      // Wait for the supervisor to say it is back (a client could connect a moment before it has counted the restart).
      while (server.restarts === 0) {
        if (Date.now() - started > 20_000) throw new Error(`not back within 20 s:\n${logs.join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const client = new pg.Client({ connectionString: server.urlFor() });
      await client.connect();
      console.log(`The embedded PostgreSQL answered again ${Date.now() - started} ms after kill -9.`);
      await client.query("CREATE TABLE after_restart (name text)");
      await client.query("INSERT INTO after_restart VALUES ('written after the restart')");
      expect((await client.query("SELECT name FROM after_restart")).rows).toEqual([{ name: "written after the restart" }]);
      await client.end();
      expect(await postmasterPid(dataDir)).not.toBe(killed);
      expect(server.restarts).toBe(1);
      // One line per attempt; a busy machine may need a second (old backends still leaving shared memory).
      const attempts = logs.filter((line) => line.includes("restarting it"));
      expect(attempts[0]).toMatch(/the embedded PostgreSQL was stopped by SIGKILL; restarting it in \d+ ms \(attempt 1 of \d+\)/);
      expect(logs.filter((line) => line.includes("is running again"))).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it("will not touch a directory that is not a PostgreSQL cluster", async () => {
    const dataDir = await newDataDir();
    await mkdir(path.join(dataDir, "postgres"), { recursive: true });
    await writeFile(path.join(dataDir, "postgres", "notes.txt"), "precious");
    await expect(startEmbeddedServer({ dataDir, log: () => {} })).rejects.toThrow(
      /is not a PostgreSQL data directory.*will not overwrite it/,
    );
    expect(await readFile(path.join(dataDir, "postgres", "notes.txt"), "utf8")).toBe("precious");
  });

  it("names the version of a cluster from another PostgreSQL", async () => {
    const dataDir = await newDataDir();
    await mkdir(path.join(dataDir, "postgres"), { recursive: true });
    await writeFile(path.join(dataDir, "postgres", "PG_VERSION"), "15\n");
    await expect(startEmbeddedServer({ dataDir, log: () => {} })).rejects.toThrow(
      /holds a PostgreSQL 15 database, but Candor embeds PostgreSQL 18/,
    );
  });

  it("reports a damaged cluster with its log instead of re-initialising it", async () => {
    const dataDir = await newDataDir();
    const server = await startEmbeddedServer({ dataDir, log: () => {} });
    await server.stop();
    await rm(path.join(dataDir, "postgres", "global", "pg_control"));
    await expect(startEmbeddedServer({ dataDir, log: () => {} })).rejects.toThrow(/stopped while starting.*Candor never re-initialises it/);
    expect(await readFile(path.join(dataDir, "postgres", "PG_VERSION"), "utf8")).toBe("18\n");
  });
});
