// npm run bench (bench/sse.ts): idle live-update streams (/api/v2/stream) on
// Candor's front server (production build, embedded PostgreSQL): N streams
// held open by raw sockets, the memory each adds to Candor's process, the
// time from a publish to the last of them being told (p99 over publishes),
// and cached `/` throughput with the streams open against without, in the
// same run.
import { readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, memoryOf, startCandor, withBenchDatabase } from "./support";
import { ensureWrk, runWrk } from "./wrk";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const PUBLISHES = 20;
const TARGETS = { notifiedP99Ms: 1_000, throughputRatio: 0.9 };
const ROUND = { warmupSeconds: 2, seconds: 5 };
/** Sockets opened at once while connecting (the listen backlog is 511). */
const CONNECT_BATCH = 250;

interface Client {
  socket: net.Socket;
  events: number;
  /** When the latest event arrived (performance.now()). */
  lastEventAt: number;
}

function openStream(port: number, clients: Client[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const client: Client = { socket: net.connect(port, "127.0.0.1"), events: 0, lastEventAt: 0 };
    let opened = false;
    client.socket.setEncoding("utf8");
    client.socket.on("data", (chunk: string) => {
      if (!opened) {
        if (!chunk.startsWith("HTTP/1.1 200")) return reject(new Error(`stream refused: ${chunk.split("\r\n")[0]}`));
        opened = true;
        clients.push(client);
        resolve();
      }
      const events = chunk.split("\ndata: ").length - 1;
      if (events > 0) {
        client.events += events;
        client.lastEventAt = performance.now();
      }
    });
    client.socket.on("error", reject);
    client.socket.write("GET /api/v2/stream HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n");
  });
}

/** The open-file limit of a process (each stream is a socket on both ends). */
function openFileLimit(pid: number | string): string {
  return /Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, "utf8"))?.[1] ?? "?";
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

ensureWrk();
await withBenchDatabase(async ({ root, admin, children }) => {
  const { seedDemo } = await import("../lib/demo/seed-demo");
  const { createApiToken } = await import("../lib/api-tokens/create-token");
  await seedDemo();
  const { token } = await createApiToken(admin, { name: "bench", role: "responder" });
  const port = await freePort();
  const candor = await startCandor(port, { CANDOR_DATA_DIR: path.join(root, "candor"), CANDOR_MAX_STREAMS: String(STREAMS + 100) });
  children.push(candor);
  const home = `http://127.0.0.1:${port}/`;

  // The machine's speed drifts: without, with, without again; the ratio is to the mean of the two.
  const without = runWrk(home, ROUND);
  const before = memoryOf(candor.pid).rssMb;

  const clients: Client[] = [];
  let refused = "";
  for (let opened = 0; opened < STREAMS && !refused; opened += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, STREAMS - opened) }, () => openStream(port, clients));
    await Promise.all(batch).catch((error: Error) => (refused = error.message));
  }
  // Let every first event arrive and the heap settle before reading memory.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = memoryOf(candor.pid).rssMb;
  const perStreamKb = ((after - before) * 1024) / Math.max(1, clients.length);

  // Throughput with the streams open and idle, before the publishes (whose snapshot
  // rebuilds and refreshed renders would still be running in the same process).
  const withStreams = runWrk(home, ROUND);

  const lastNotified: number[] = [];
  const fanOut: number[] = [];
  for (let index = 0; index < PUBLISHES; index++) {
    const expected = clients.map((client) => client.events + 1);
    // As an operator or a script publishes: through Candor (the admin's forms refresh the snapshot the same way).
    const committed = performance.now();
    const published = await fetch(`http://127.0.0.1:${port}/api/v1/banner`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ message: `Bench banner ${index}`, severity: "info" }),
    });
    if (!published.ok) throw new Error(`publishing failed: ${published.status} ${await published.text()}`);
    // Candor notices the write at its next database check (every 250 ms), then tells every stream.
    const giveUp = committed + 10_000;
    while (clients.some((client, at) => client.events < expected[at]!) && performance.now() < giveUp) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const times = clients.map((client) => client.lastEventAt);
    lastNotified.push(Math.max(...times) - committed);
    fanOut.push(Math.max(...times) - Math.min(...times));
  }

  const openAtEnd = clients.filter((client) => !client.socket.destroyed).length;
  for (const client of clients) client.socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const withoutAgain = runWrk(home, ROUND);

  const ratio = withStreams.requestsPerSecond / ((without.requestsPerSecond + withoutAgain.requestsPerSecond) / 2);
  const p99 = percentile(lastNotified, 0.99);
  console.log(
    `\nLive streams, ${os.cpus().length} cores, open files allowed: bench ${openFileLimit("self")}, Candor ${openFileLimit(candor.pid!)}, wrk -t1 -c50 on /`,
  );
  console.log(
    `streams asked ${STREAMS}, open ${clients.length}, still open after the run ${openAtEnd}${refused ? ` (stopped: ${refused})` : ""}`,
  );
  console.log(`Candor RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB with the streams: ${perStreamKb.toFixed(1)} KB a stream`);
  console.log(
    `publish → last stream notified (${PUBLISHES} publishes): p50 ${percentile(lastNotified, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...lastNotified).toFixed(0)} ms; first → last stream p99 ${percentile(fanOut, 0.99).toFixed(0)} ms`,
  );
  console.log(
    `cached /: ${without.requestsPerSecond.toFixed(0)} req/s without streams, ${withStreams.requestsPerSecond.toFixed(0)} with them (p99 ${withStreams.p99Ms.toFixed(2)} ms), ${withoutAgain.requestsPerSecond.toFixed(0)} without again`,
  );
  console.log(
    `target: ${clients.length} streams open, publish → last notified p99 < ${TARGETS.notifiedP99Ms} ms — ${p99 < TARGETS.notifiedP99Ms && clients.length >= STREAMS ? "met" : "NOT met"} (${p99.toFixed(0)} ms)`,
  );
  console.log(
    `target: cached / with the streams open ≥ ${TARGETS.throughputRatio * 100} % of without — ${ratio >= TARGETS.throughputRatio ? "met" : "NOT met"} (${(ratio * 100).toFixed(0)} %)`,
  );
});
