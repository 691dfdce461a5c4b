// Starts Candor as `npm start` would (production build, embedded PostgreSQL)
// on a free port with a fresh data directory, for the whole e2e run.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export default async function globalSetup() {
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-e2e-"));
  await chmod(root, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CANDOR_DATA_DIR: path.join(root, "data"), NODE_ENV: "production" };
  delete env.DATABASE_URL; // always the embedded database, as a new user gets it
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Candor did not start within 5 minutes:\n${output}`)), 300_000);
    server.stdout.on("data", () => {
      if (output.includes("Candor is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => reject(new Error(`Candor exited (${code}) while starting:\n${output}`)));
  });
  process.env.CANDOR_E2E_BASE_URL = `http://localhost:${port}`;
  process.env.CANDOR_E2E_STARTUP_OUTPUT = output;
  return async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await rm(root, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
