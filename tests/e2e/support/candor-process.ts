// Starts Candor exactly as `npm start` runs it and waits until it says it is ready.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface CandorProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The command `npm start` runs (package.json's "start"), without npm in between. */
export const CANDOR_COMMAND = [process.execPath, "scripts/start.mjs"] as const;

export async function startCandorProcess(
  env: NodeJS.ProcessEnv,
  { port, timeoutMs = 300_000 }: { port?: number; timeoutMs?: number } = {},
): Promise<CandorProcess> {
  const chosenPort = port ?? (await freePort());
  const [command, ...args] = CANDOR_COMMAND;
  const child = spawn(command, args, {
    env: { ...env, PORT: String(chosenPort), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Candor did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    child.stdout!.on("data", () => {
      if (output.includes("Candor is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`Candor exited (${code}) while starting:\n${output}`)));
  });
  return {
    child,
    port: chosenPort,
    baseUrl: `http://localhost:${chosenPort}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A Candor of its own (embedded PostgreSQL, fresh data directory, free port),
 * for a spec whose state must not reach any other (first run, rate limits).
 * `stop` also removes the data directory.
 */
export async function startOwnCandor(extraEnv: Record<string, string> = {}): Promise<CandorProcess> {
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-e2e-"));
  // The embedded server runs as the postgres user, which must enter this directory.
  await chmod(root, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, CANDOR_DATA_DIR: path.join(root, "data"), ...extraEnv };
  delete env.DATABASE_URL; // always the embedded database, as a new user gets it
  try {
    const candor = await startCandorProcess(env);
    return {
      ...candor,
      stop: async () => {
        await candor.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
