// What the benchmarks share: ports, waiting for a server, starting Candor's
// production server, reading a process's memory, printing a row.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
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
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Candor as `npm start` runs it, on `port`, with extra environment. */
export async function startCandor(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", CANDOR_DEMO: "0", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 300_000);
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
