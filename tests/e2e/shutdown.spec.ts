// SIGTERM, as Docker and systemd send it, stops all of Candor (front thread,
// Next.js, the outbox worker, the embedded PostgreSQL) within 10 s, whichever
// process receives it: npm's, the whole process group, or node alone. Each
// start reuses the data directory, so each also proves the one before left
// nothing running that would refuse it ("in use by another Candor process").
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { freePort } from "./support/candor-process";

/** What Docker and systemd wait after SIGTERM before SIGKILL. */
const STOP_LIMIT_MS = 10_000;

let root: string;

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "candor-shutdown-"));
  await chmod(root, 0o755);
});

test.afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Started {
  npm: ChildProcess;
  output: () => string;
  /** npm and what it started (its process group) and the embedded PostgreSQL's postmaster. */
  pids: () => Promise<{ node: number; group: number[]; postgres: number }>;
}

/** `npm start` in its own process group, as a service manager starts it. */
async function npmStart(): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CANDOR_DATA_DIR: path.join(root, "data") };
  delete env.DATABASE_URL; // the embedded PostgreSQL, whose stop is part of the test
  const npm = spawn("npm", ["start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  npm.stdout!.on("data", (chunk) => (output += chunk));
  npm.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    npm.stdout!.on("data", () => output.includes("Candor is running") && resolve());
    npm.once("exit", (code) => reject(new Error(`npm start exited (${code}) while starting:\n${output}`)));
  });
  return {
    npm,
    output: () => output,
    pids: async () => {
      const group = await processesInGroup(npm.pid!);
      const node = Number((await readFile(path.join(root, "data", "candor.lock"), "utf8")).trim());
      const postgres = Number((await readFile(path.join(root, "data", "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
      return { node, group, postgres };
    },
  };
}

async function processesInGroup(pgid: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) pids.push(Number(entry));
  }
  return pids;
}

/** Running, and not a zombie waiting for its parent. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** Sends the signal, then waits (at most STOP_LIMIT_MS) until none of the processes is left. */
async function expectAllStopped(started: Started, send: (pids: { node: number; group: number[] }) => void): Promise<void> {
  const pids = await started.pids();
  const everyone = [...new Set([...pids.group, pids.node, pids.postgres])];
  expect(everyone).toContain(started.npm.pid);
  const signalled = Date.now();
  send(pids);
  while (everyone.some(alive) && Date.now() - signalled < STOP_LIMIT_MS) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(everyone.filter(alive), started.output()).toEqual([]);
  expect(started.output()).toContain("Candor stopped.");
}

test("SIGTERM to npm's own pid stops everything", async () => {
  test.setTimeout(300_000);
  const started = await npmStart();
  await expectAllStopped(started, () => process.kill(started.npm.pid!, "SIGTERM"));
});

test("SIGTERM to the process group stops everything", async () => {
  test.setTimeout(300_000);
  const started = await npmStart();
  await expectAllStopped(started, () => process.kill(-started.npm.pid!, "SIGTERM"));
});

test("SIGTERM to node alone stops everything, npm included", async () => {
  test.setTimeout(300_000);
  const started = await npmStart();
  await expectAllStopped(started, ({ node }) => process.kill(node, "SIGTERM"));
});
