// npm run bench: /api/banner served by Candor (its public response cache, a
// production build on the embedded PostgreSQL) against a bare node:http
// server returning the same bytes, measured in the same run; and the embed
// script's gzipped size.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, ROOT, row as benchRow, startCandor, waitForHttp, withBenchDatabase } from "./support";
import { ensureWrk, runWrk, type WrkResult } from "./wrk";

const TARGET_RATIO = 0.7;

const row = (name: string, result: WrkResult, baseline: WrkResult) => benchRow(name, result, baseline, "node:http");

ensureWrk();
await withBenchDatabase(async ({ root, admin, children }) => {
  const { publishBanner } = await import("../lib/banner/publish-banner");
  await publishBanner(admin, {
    kind: "publish",
    input: {
      message: "Please re-enter anything you changed between **01:00 GMT on the 27th** and 08:30 GMT on the 28th.",
      severity: "critical",
      linkUrl: "https://status.example.com/incidents/1",
      linkLabel: "What happened",
    },
  });

  const port = await freePort();
  const candor = await startCandor(port);
  children.push(candor);
  const candorUrl = `http://127.0.0.1:${port}/api/banner`;
  // wrk sends no Accept-Encoding: compare the bytes it gets (fetch would ask for brotli).
  const sample = await fetch(candorUrl, { headers: { "accept-encoding": "identity" } });
  const body = Buffer.from(await sample.arrayBuffer());
  const headers = Object.fromEntries(
    [...sample.headers.entries()].filter(
      ([name]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(name),
    ),
  );

  const barePort = await freePort();
  const bodyFile = path.join(root, "banner.json");
  await writeFile(bodyFile, body);
  const manifest = path.join(root, "bare.json");
  await writeFile(manifest, JSON.stringify({ "/api/banner": { file: bodyFile, headers } }));
  const bare = spawn(process.execPath, [path.join(ROOT, "bench", "bare-server.mjs"), String(barePort), manifest], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(bare);
  await waitForHttp(`http://127.0.0.1:${barePort}/api/banner`, 10_000);

  const baseline = runWrk(`http://127.0.0.1:${barePort}/api/banner`);
  const measured = runWrk(candorUrl);
  const script = await readFile(path.join(ROOT, "embed", "banner.js"));
  const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;

  console.log(`\nSign-in banner, ${os.cpus().length} cores, wrk -t1 -c50 (5 s warm-up, 10 s measured), ${body.length}-byte body`);
  console.log(row("bare node:http, same bytes", baseline, baseline));
  console.log(row("Candor /api/banner", measured, baseline));
  console.log(`embed script: ${script.length} bytes, ${gzipSync(script, { level: 9 }).length} bytes gzipped (target < 5,120)`);
  console.log(
    `target: /api/banner ≥ ${TARGET_RATIO * 100} % of node:http — ${ratio >= TARGET_RATIO ? "met" : "NOT met"} (${(ratio * 100).toFixed(0)} %)`,
  );
});
