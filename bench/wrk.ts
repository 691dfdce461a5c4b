// wrk on loopback: one thread, 50 connections, a warm-up then a measured run.
import { execFileSync, spawnSync } from "node:child_process";

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function ensureWrk(): void {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("Installing wrk from Debian (apt-get install wrk)…");
  execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const number = Number(match[1]);
  return match[2] === "us" ? number / 1000 : match[2] === "s" ? number * 1000 : number;
}

export function runWrk(url: string, { warmupSeconds = 5, seconds = 10 } = {}): WrkResult {
  execFileSync("wrk", ["-t1", "-c50", `-d${warmupSeconds}s`, url], { stdio: "ignore" });
  const output = execFileSync("wrk", ["-t1", "-c50", `-d${seconds}s`, "--latency", url], { encoding: "utf8" });
  const requestsPerSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p50Ms = toMs(/\s50%\s+(\S+)/.exec(output)?.[1] ?? "");
  const p99Ms = toMs(/\s99%\s+(\S+)/.exec(output)?.[1] ?? "");
  return { requestsPerSecond, p50Ms, p99Ms };
}
