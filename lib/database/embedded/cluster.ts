// Creating and checking the PostgreSQL cluster directory. Never re-initialises
// a directory that holds anything: that would lose data.
import { spawn } from "node:child_process";
import { chown, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "./errors";
import { isProcessAlive, processName, waitForExit } from "./process-tools";
import type { RunAs } from "./run-as";

const POSTGRES_MAJOR = "18";

type ClusterState = "missing" | "ready";

export async function inspectCluster(clusterDir: string): Promise<ClusterState> {
  const entries = await readdir(clusterDir).catch(() => null);
  if (entries === null || entries.length === 0) return "missing";
  const version = await readFile(path.join(clusterDir, "PG_VERSION"), "utf8").catch(() => null);
  if (version === null) {
    throw new StartupError(
      `${clusterDir} is not empty but is not a PostgreSQL data directory (no PG_VERSION). ` +
        `Candor will not overwrite it. Move it away, or set CANDOR_DATA_DIR to another directory.`,
    );
  }
  if (version.trim() !== POSTGRES_MAJOR) {
    throw new StartupError(
      `${clusterDir} holds a PostgreSQL ${version.trim()} database, but Candor embeds PostgreSQL ${POSTGRES_MAJOR}. ` +
        `Dump it with that version's pg_dump and restore it into a new data directory, or set DATABASE_URL to a server of that version.`,
    );
  }
  return "ready";
}

export async function initCluster(options: { initdb: string; clusterDir: string; password: string; runAs: RunAs }) {
  const { initdb, clusterDir, password, runAs } = options;
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `candor-pw-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  const args = [
    `--pgdata=${clusterDir}`,
    "--auth=scram-sha-256",
    "--username=postgres",
    `--pwfile=${passwordFile}`,
    "--encoding=UTF8",
    "--locale=C",
  ];
  try {
    await runToCompletion(initdb, args, runAs);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function runToCompletion(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new StartupError(`initdb failed (exit ${code}): ${output.trim().split("\n").slice(-3).join(" ")}`)),
    );
  });
}

/**
 * A server still running in the cluster directory after its Candor parent was
 * killed (SIGKILL leaves the postgres child alive, holding the directory).
 * The caller has already made sure no live Candor owns the directory, so the
 * server is an orphan: stop it with a fast shutdown (it rolls back open
 * transactions; committed data is safe).
 */
export async function stopOrphanServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = await readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(pidFile?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  const name = await processName(pid);
  if (name !== null && !name.includes("postgres")) return; // pid reused by an unrelated process: postgres handles the stale file
  log(`Found PostgreSQL (pid ${pid}) left running by an earlier Candor that was killed; stopping it.`);
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 20_000)) return;
  process.kill(pid, "SIGQUIT");
  if (!(await waitForExit(pid, 5_000))) {
    throw new StartupError(`PostgreSQL (pid ${pid}) in ${clusterDir} does not stop. Stop it by hand (kill ${pid}) and start Candor again.`);
  }
}
