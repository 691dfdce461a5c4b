// Starts `server.ts` (Candor as `npm start` runs it) and waits until it says it is ready.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

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

export async function startCandorProcess(
  env: NodeJS.ProcessEnv,
  { port, timeoutMs = 300_000 }: { port?: number; timeoutMs?: number } = {},
): Promise<CandorProcess> {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
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
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
