// What the benchmarks share: a throw-away database, ports, waiting for a
// server, starting Candor's production server, reading a process's memory,
// printing a row.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedServer } from "../lib/database/embedded/server";
import { applyMigrations } from "../lib/database/apply-migrations";
import type { WrkResult } from "./wrk";

export const ROOT = path.resolve(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Candor as `npm start` runs it, on `port`, with extra environment. */
export async function startCandor(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", CANDOR_DEMO: "0", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A Candor that fails to start says why on stderr and exits: stop waiting then, not after five minutes.
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`Candor exited with code ${code} before answering on port ${port}`))),
  );
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/api/health`, 300_000), exited]);
  return child;
}

/** Resident memory now and at its peak, in MB (Linux). */
export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } {
  const status = pid ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export function row(name: string, result: WrkResult, baseline: WrkResult, baselineName: string, extra = ""): string {
  const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
  return `${name.padEnd(40)} ${result.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${result.p50Ms.toFixed(2).padStart(7)} ms   p99 ${result.p99Ms.toFixed(2).padStart(7)} ms   ${(ratio * 100).toFixed(0).padStart(5)} % of ${baselineName}${extra}`;
}

export interface BenchContext {
  /** A temporary directory, removed afterwards. */
  root: string;
  /** An admin in the bench database, for writes through the domain. */
  admin: { id: string; email: string };
  /** Processes to stop afterwards. */
  children: ChildProcess[];
}

/**
 * Runs a benchmark against a throw-away embedded PostgreSQL, migrated, with
 * an admin; DATABASE_URL and AUTH_SECRET point this process and the Candor
 * servers it starts at it. Stops everything afterwards.
 */
export async function withBenchDatabase(run: (context: BenchContext) => Promise<void>): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-bench-"));
  await chmod(root, 0o755);
  const database = await startEmbeddedServer({ dataDir: path.join(root, "data"), log: () => {} });
  const children: ChildProcess[] = [];
  try {
    await applyMigrations(database.urlFor());
    process.env.DATABASE_URL = database.urlFor();
    process.env.AUTH_SECRET = database.authSecret;
    const { createFirstAdmin } = await import("../lib/auth/create-first-admin");
    const admin = await createFirstAdmin({
      name: "Bench",
      email: "bench@example.com",
      password: "bench password",
      confirmPassword: "bench password",
    });
    await run({ root, admin, children });
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.stop();
    await rm(root, { recursive: true, force: true });
  }
}
