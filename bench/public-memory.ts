// npm run bench (bench/public-memory.ts): anonymous readers asking for many
// distinct public URLs (history pages, most past the last, incident pages
// and their JSON, unknown incidents, query strings) must not grow Candor's
// memory or its saved responses without bound. Candor runs as `npm start`
// runs it (production build, public response cache at its default size) on
// an embedded PostgreSQL with 400 resolved incidents; its RSS (both threads,
// 20 s after the requests stop) after 100 distinct URLs against after 10,000
// (and halfway, to see it level off), and the bytes saved to disk (only
// pages that exist are saved).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { freePort, memoryOf, startCandor, withBenchDatabase } from "./support";

const TOTAL = Number(process.env.BENCH_URLS ?? 10_000);
const FIRST = 100;
const INCIDENTS = 400;
const CONCURRENCY = 16;
const TARGET_GROWTH_MB = 50;

function du(directory: string): number {
  try {
    return Number(execFileSync("du", ["-sk", directory], { encoding: "utf8" }).split("\t")[0]) / 1024;
  } catch {
    return 0;
  }
}

/** The i-th distinct URL: a mix of what a crawler or a careless script asks for. */
function urlOf(i: number, ids: string[]): string {
  switch (i % 6) {
    case 0:
      return `/history?page=${Math.floor(i / 6) + 1}`;
    case 1:
      return `/incidents/${ids[Math.floor(i / 6) % ids.length]}?ref=${i}`;
    case 2:
      return `/api/v2/incidents/${ids[Math.floor(i / 6) % ids.length]}.json`;
    case 3:
      return `/incidents/not-an-incident-${i}`;
    case 4:
      return `/?utm_source=bench-${i}`;
    default:
      return `/history?page=${i}&utm=${i}`;
  }
}

async function requestAll(base: string, urls: string[]): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const response = await fetch(base + urls[next++]!);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

/**
 * V8 gives back the heap a burst of renders grew (mostly garbage: a heap
 * snapshot, which collects first, of the main thread was 64 MB after 100
 * URLs and 66 MB after 10,000) only once its memory reducer runs, several
 * seconds after the process went quiet; measured 3 s after, RSS still held
 * 80–130 MB of it.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20_000));

await withBenchDatabase(async ({ root, children }) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const ids = (
    await client.query<{ id: string }>(
      `INSERT INTO incidents (id, title, impact, status, started_at, resolved_at, updated_at)
       SELECT 'bench' || n, 'Bench incident ' || n, 'minor', 'resolved', now() - (n || ' hours')::interval, now() - (n || ' hours')::interval + interval '30 minutes', now()
       FROM generate_series(1, ${INCIDENTS}) AS n RETURNING id`,
    )
  ).rows.map((row) => row.id);
  await client.query(
    `INSERT INTO incident_updates (id, incident_id, status, message, published_at, updated_at)
     SELECT 'u' || id, id, 'resolved', 'Fixed. ' || repeat('A longer account of what happened. ', 20), started_at + interval '30 minutes', now() FROM incidents`,
  );
  await client.end();

  const port = await freePort();
  const dataDir = path.join(root, "candor");
  const candor = await startCandor(port, { CANDOR_DATA_DIR: dataDir });
  children.push(candor);
  const base = `http://127.0.0.1:${port}`;
  const urls = Array.from({ length: TOTAL }, (_, i) => urlOf(i, ids));

  await requestAll(base, urls.slice(0, FIRST));
  await settle();
  const after100 = memoryOf(candor.pid);
  const disk100 = du(path.join(dataDir, "public"));
  console.log(`After ${FIRST} distinct URLs: RSS ${after100.rssMb.toFixed(0)} MB, saved ${disk100.toFixed(1)} MB`);

  const half = Math.floor(TOTAL / 2);
  const statuses = await requestAll(base, urls.slice(FIRST, half));
  await settle();
  console.log(
    `After ${half} distinct URLs: RSS ${memoryOf(candor.pid).rssMb.toFixed(0)} MB, saved ${du(path.join(dataDir, "public")).toFixed(1)} MB`,
  );
  for (const [status, count] of await requestAll(base, urls.slice(half))) statuses.set(status, (statuses.get(status) ?? 0) + count);
  await settle();
  const after = memoryOf(candor.pid);
  const disk = du(path.join(dataDir, "public"));
  console.log(
    `After ${TOTAL} distinct URLs: RSS ${after.rssMb.toFixed(0)} MB (peak ${after.peakMb.toFixed(0)}), saved ${disk.toFixed(1)} MB; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  const growth = after.rssMb - after100.rssMb;
  console.log(
    `target: RSS after ${TOTAL} distinct public URLs within ${TARGET_GROWTH_MB} MB of RSS after ${FIRST} (grew ${growth.toFixed(0)} MB) — ${growth <= TARGET_GROWTH_MB ? "met" : "NOT met"}`,
  );
});
