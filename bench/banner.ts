// npm run bench: /api/banner served by Candor (its server's fast path, a
// production build on the embedded PostgreSQL) against a bare node:http
// server returning the same bytes, measured in the same run; and the embed
// script's gzipped size.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startEmbeddedServer } from "../lib/database/embedded/server";
import { applyMigrations } from "../lib/database/migrations";
import { ensureWrk, runWrk, type WrkResult } from "./wrk";

const ROOT = path.resolve(import.meta.dirname, "..");
const TARGET_RATIO = 0.7;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function row(name: string, result: WrkResult, baseline: WrkResult): string {
  const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
  return `${name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${result.p50Ms.toFixed(2).padStart(6)} ms   p99 ${result.p99Ms.toFixed(2).padStart(6)} ms   ${(ratio * 100).toFixed(0).padStart(4)} % of node:http`;
}

ensureWrk();
const root = await mkdtemp(path.join(os.tmpdir(), "candor-bench-"));
await chmod(root, 0o755);
const database = await startEmbeddedServer({ dataDir: path.join(root, "data"), log: () => {} });
let candor: ReturnType<typeof spawn> | undefined;
let bare: ReturnType<typeof spawn> | undefined;
try {
  await applyMigrations(database.urlFor());
  process.env.DATABASE_URL = database.urlFor();
  process.env.AUTH_SECRET = database.authSecret;
  const { createFirstAdmin } = await import("../lib/auth/create-first-admin");
  const { publishBanner } = await import("../lib/banner/publish-banner");
  const admin = await createFirstAdmin({ name: "Bench", email: "bench@example.com", password: "bench password", confirmPassword: "bench password" });
  await publishBanner(admin, { kind: "publish", input: { message: "Please re-enter anything you changed between **01:00 GMT on the 27th** and 08:30 GMT on the 28th.", severity: "critical", linkUrl: "https://status.example.com/incidents/1", linkLabel: "What happened" } });

  const port = await freePort();
  candor = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", CANDOR_DEMO: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const candorUrl = `http://127.0.0.1:${port}/api/banner`;
  await waitForHttp(candorUrl, 300_000);
  const sample = await fetch(candorUrl);
  const body = Buffer.from(await sample.arrayBuffer());
  const headers = Object.fromEntries([...sample.headers.entries()].filter(([name]) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(name)));

  const barePort = await freePort();
  const bodyFile = path.join(root, "banner.json");
  await writeFile(bodyFile, body);
  bare = spawn(process.execPath, [path.join(ROOT, "bench", "bare-server.mjs"), String(barePort), bodyFile, JSON.stringify(headers)], { stdio: ["ignore", "ignore", "inherit"] });
  await waitForHttp(`http://127.0.0.1:${barePort}/api/banner`, 10_000);

  const baseline = runWrk(`http://127.0.0.1:${barePort}/api/banner`);
  const measured = runWrk(candorUrl);
  const script = await readFile(path.join(ROOT, "embed", "banner.js"));
  const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;

  console.log(`\nSign-in banner, ${os.cpus().length} cores, wrk -t1 -c50 (5 s warm-up, 10 s measured), ${body.length}-byte body`);
  console.log(row("bare node:http, same bytes", baseline, baseline));
  console.log(row("Candor /api/banner", measured, baseline));
  console.log(`embed script: ${script.length} bytes, ${gzipSync(script, { level: 9 }).length} bytes gzipped (target < 5,120)`);
  console.log(`target: /api/banner ≥ ${TARGET_RATIO * 100} % of node:http — ${ratio >= TARGET_RATIO ? "met" : "NOT met"} (${(ratio * 100).toFixed(0)} %)`);
} finally {
  candor?.kill("SIGTERM");
  bare?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.stop();
  await rm(root, { recursive: true, force: true });
}
