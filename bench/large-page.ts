// npm run bench (bench/large-page.ts): a page that has run for ten years
// (tests/support/large-page.ts): 200 components, 5,000 incidents with 25,000
// updates, 500 maintenance windows, 1,000 postmortems. How long one snapshot
// rebuild takes after one update.
import { performance } from "node:perf_hooks";
import { LARGE_PAGE, writeLargePage } from "../tests/support/large-page";
import { withBenchDatabase } from "./support";

const TARGETS = { rebuildP50Ms: 100 };
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

await withBenchDatabase(async () => {
  const started = performance.now();
  await writeLargePage(process.env.DATABASE_URL!, LARGE_PAGE);
  console.log(`large page written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { buildPublicSnapshot, readSnapshotVersion } = await import("../lib/public-snapshot/build-snapshot");
  const { serializeSnapshot } = await import("../lib/public-snapshot/serialize");
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 7; run++) {
    const begin = performance.now();
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion());
    times.push(performance.now() - begin);
    bytes = serializeSnapshot(snapshot).length;
  }
  const p50 = median(times.slice(1));
  console.log(`snapshot: ${(bytes / 1024).toFixed(0)} KB serialised; rebuild ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
  console.log(
    `target: large page snapshot rebuild p50 ${p50.toFixed(0)} ms < ${TARGETS.rebuildP50Ms} ms — ${p50 < TARGETS.rebuildP50Ms ? "met" : "NOT met"}`,
  );
});
