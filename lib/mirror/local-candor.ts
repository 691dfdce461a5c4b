// The Candor that `npm run export` renders the mirror from: the one running
// here (on PORT), or, when Candor is stopped, a private one it starts on a
// free loopback port over the same data directory or DATABASE_URL (no
// outbox worker, no demo data) and stops when done. Either way the pages are
// rendered exactly as Candor serves them.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import type { Env } from "../env";
import { dataDirPaths, loadOrCreateSecrets } from "../database/embedded/data-dir";

export interface LocalCandor {
  origin: string;
  /** The database Candor uses (the embedded one's address filled in). */
  databaseUrl: string;
  /** Stops the private Candor, if this started one. */
  close(): Promise<void>;
}

const START_LIMIT_MS = 10 * 60_000;

async function answers(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(3_000) }).catch(() => null);
  return response !== null && (await response.text().catch(() => "")).includes("database");
}

/** The running embedded server's address, from the data directory (server.json and secrets.json). */
async function embeddedUrl(dataDir: string): Promise<string> {
  const paths = dataDirPaths(dataDir);
  const info = JSON.parse(await readFile(paths.serverInfo, "utf8")) as { port: number };
  const secrets = await loadOrCreateSecrets(dataDir);
  return `postgresql://postgres:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${info.port}/candor`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startPrivate(root: string, port: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", CANDOR_WORKER: "0", CANDOR_DEMO: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Candor did not start within ${START_LIMIT_MS / 60_000} minutes:\n${output}`)),
      START_LIMIT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Candor is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Candor stopped while starting (exit code ${code}):\n${output.trim()}`));
    });
  });
  return { child, ready };
}

/** Finds Candor on PORT, or starts a private one; close() stops only what this started. */
export async function openLocalCandor(env: Env, root: string, log: (line: string) => void): Promise<LocalCandor> {
  const running = `http://127.0.0.1:${env.PORT}`;
  if (await answers(running)) {
    log(`Rendering from the Candor running at ${running}.`);
    return { origin: running, databaseUrl: env.DATABASE_URL ?? (await embeddedUrl(env.CANDOR_DATA_DIR)), close: async () => {} };
  }
  const port = await freePort();
  log(`Candor is not running on port ${env.PORT}: starting it privately on 127.0.0.1:${port} to render the pages.`);
  const { child, ready } = startPrivate(root, port);
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    await ready;
    return {
      origin: `http://127.0.0.1:${port}`,
      databaseUrl: env.DATABASE_URL ?? (await embeddedUrl(env.CANDOR_DATA_DIR)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
