// npm run bench: alert intake under a flood of one alert. Candor runs as
// `npm start` runs it; 1,000 Alertmanager notifications a second (open loop,
// keep-alive connections) repeat one fingerprint for 10 s. They must make
// one draft, with p99 latency under 50 ms. Baseline in the same run: the
// same rate of authenticated GET /api/v1/banner (token check, rate limit,
// one read), so the ratio is the cost of alert handling itself.
import http from "node:http";
import os from "node:os";
import { freePort, startCandor, withBenchDatabase } from "./support";

const RATE = 1_000;
const SECONDS = 10;
const TARGET_P99_MS = 50;

interface Run {
  latencies: number[];
  failures: number;
  seconds: number;
}

/** Sends RATE requests a second for `seconds`, on schedule whatever the answers' pace (open loop). */
async function openLoop(send: () => Promise<number>, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let sent = 0; sent < RATE * seconds; sent++) {
    const due = start + (sent * 1_000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const began = performance.now();
    pending.push(
      send().then(
        (status) => {
          latencies.push(performance.now() - began);
          if (status !== 200) failures++;
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(pending);
  return { latencies, failures, seconds: (performance.now() - start) / 1_000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function describe(name: string, run: Run): string {
  const rate = Math.round(run.latencies.length / run.seconds);
  return `${name.padEnd(38)} ${String(rate).padStart(5)} req/s  p50 ${percentile(run.latencies, 50).toFixed(1)} ms  p99 ${percentile(run.latencies, 99).toFixed(1)} ms  max ${Math.max(...run.latencies).toFixed(1)} ms  failed ${run.failures}`;
}

function payload(fingerprint: string): string {
  return JSON.stringify({
    version: "4",
    status: "firing",
    groupLabels: { alertname: "HighErrorRate" },
    commonLabels: { alertname: "HighErrorRate", severity: "critical" },
    commonAnnotations: { summary: "5xx above 5%" },
    alerts: [
      { status: "firing", labels: { alertname: "HighErrorRate" }, annotations: {}, startsAt: new Date().toISOString(), fingerprint },
    ],
  });
}

await withBenchDatabase(async ({ admin, children }) => {
  const { createApiToken } = await import("../lib/api-tokens/create-token");
  const { prisma } = await import("../lib/db");
  const { token } = await createApiToken(admin, { name: "bench", role: "responder" });
  const port = await freePort();
  children.push(await startCandor(port, { CANDOR_API_RATE_LIMIT: "0" }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const request = (method: string, path: string, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const outgoing = http.request(
        { host: "127.0.0.1", port, method, path, agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
        (answer) => {
          answer.resume();
          answer.on("end", () => resolve(answer.statusCode ?? 0));
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  const alert = payload("bench-flood");
  const sendAlert = () => request("POST", "/api/v1/alerts/alertmanager", alert);
  const readBanner = () => request("GET", "/api/v1/banner");

  // Warm up both paths (Next compiles nothing in production, but pools and JIT do warm).
  await openLoop(readBanner, 2);
  const warmUp = await openLoop(sendAlert, 2);
  const baseline = await openLoop(readBanner, SECONDS);
  const measured = await openLoop(sendAlert, SECONDS);
  const drafts = await prisma.draft.count();
  const received = (await prisma.alert.findUniqueOrThrow({ where: { fingerprint: "bench-flood" } })).receivedCount;

  const p99 = percentile(measured.latencies, 99);
  const ratio = p99 / percentile(baseline.latencies, 99);
  console.log(`\nAlert intake, ${os.cpus().length} cores, ${RATE} requests/s open loop for ${SECONDS} s, one fingerprint`);
  console.log(describe("baseline: GET /api/v1/banner (token)", baseline));
  console.log(describe("POST /api/v1/alerts/alertmanager (warm-up)", warmUp));
  console.log(describe("POST /api/v1/alerts/alertmanager", measured));
  console.log(`p99 ratio to baseline: ${ratio.toFixed(2)}×; drafts made: ${drafts}; notifications counted: ${received}`);
  const isMet = p99 < TARGET_P99_MS && drafts === 1 && measured.failures + warmUp.failures === 0;
  console.log(
    `target: ${RATE} alerts a second: p99 < ${TARGET_P99_MS} ms, one draft, no failures — ${isMet ? "met" : "NOT met"} (p99 ${p99.toFixed(0)} ms, ${drafts} draft(s), ${measured.failures + warmUp.failures} failed)`,
  );
  await prisma.$disconnect();
  agent.destroy();
});
