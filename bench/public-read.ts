// npm run bench (bench/public-read.ts): the public status page under a spike.
// Candor (production build, its public response cache) against, in the same
// run, nginx serving saved copies of the same pages, a bare node:http server
// returning the same bytes, and Next's own uncached render (Candor with
// CANDOR_PUBLIC_CACHE_MB=0). Then the time from an admin write to the change
// being visible on / and in summary.json.
import { spawn } from "node:child_process";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureNginx, startNginx } from "./nginx";
import { freePort, memoryOf, ROOT, row, startCandor, waitForHttp, withBenchDatabase } from "./support";
import { ensureWrk, runWrk, type WrkResult } from "./wrk";

const TARGETS = { ofNodeHttp: 0.8, p99Ms: 20, ofUncachedNext: 10, writeVisibleMs: 1_000 };
const ROUND = { warmupSeconds: 2, seconds: 5 };
const PAGES = { "/": "index.html", "/api/v2/summary.json": "summary.json", "/history": "history.html" } as const;

ensureWrk();
const nginxBinary = ensureNginx();
await withBenchDatabase(async ({ root, admin, children }) => {
  const { seedDemo } = await import("../lib/demo/seed-demo");
  const { updatePageSettings } = await import("../lib/settings/update-settings");
  await seedDemo();

  const [candorPort, uncachedPort, barePort, nginxPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const candor = await startCandor(candorPort, { CANDOR_DATA_DIR: path.join(root, "candor") });
  const uncached = await startCandor(uncachedPort, { CANDOR_DATA_DIR: path.join(root, "uncached"), CANDOR_PUBLIC_CACHE_MB: "0" });
  children.push(candor, uncached);
  const candorBase = `http://127.0.0.1:${candorPort}`;

  // Save what Candor serves for each page; the baselines serve exactly these bytes.
  const site = path.join(root, "nginx", "site");
  await mkdir(path.join(site, "api", "v2"), { recursive: true });
  await mkdir(path.join(root, "nginx", "tmp"), { recursive: true });
  const manifest: Record<string, { file: string; headers: Record<string, string> }> = {};
  const sizes: Record<string, number> = {};
  for (const [pathname, file] of Object.entries(PAGES)) {
    const response = await fetch(candorBase + pathname, { headers: { "accept-encoding": "identity" } });
    const body = Buffer.from(await response.arrayBuffer());
    const saved =
      pathname === "/api/v2/summary.json"
        ? path.join(site, "api", "v2", "summary.json")
        : path.join(site, pathname === "/" ? "index.html" : file);
    await writeFile(saved, body);
    sizes[pathname] = body.length;
    const headers = Object.fromEntries(
      [...response.headers.entries()].filter(
        ([name]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(name),
      ),
    );
    manifest[pathname] = { file: saved, headers };
  }
  await writeFile(path.join(site, "history"), await (await fetch(`${candorBase}/history`)).arrayBuffer().then(Buffer.from));
  await chmod(path.join(root, "nginx"), 0o755);
  await writeFile(path.join(root, "bare.json"), JSON.stringify(manifest));
  const bare = spawn(process.execPath, [path.join(ROOT, "bench", "bare-server.mjs"), String(barePort), path.join(root, "bare.json")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const nginx = await startNginx(nginxBinary, path.join(root, "nginx"), nginxPort);
  children.push(bare, nginx);
  await waitForHttp(`http://127.0.0.1:${barePort}/`, 10_000);
  await waitForHttp(`http://127.0.0.1:${nginxPort}/`, 10_000);

  // This machine is shared and its speed drifts by tens of percent within a
  // minute, so each comparison alternates baseline and Candor in short rounds
  // and reports medians: the ratio of each round is taken under the same load.
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const compare = (label: string, baselineUrl: string, candorUrl: string, rounds = 3) => {
    process.stdout.write(`measuring ${label} (${rounds} alternating rounds)…\n`);
    const pairs = Array.from({ length: rounds }, () => [runWrk(baselineUrl, ROUND), runWrk(candorUrl, ROUND)] as const);
    const pick = (side: 0 | 1): WrkResult => ({
      requestsPerSecond: median(pairs.map((pair) => pair[side].requestsPerSecond)),
      p50Ms: median(pairs.map((pair) => pair[side].p50Ms)),
      p99Ms: median(pairs.map((pair) => pair[side].p99Ms)),
    });
    return {
      baseline: pick(0),
      candor: pick(1),
      ratio: median(pairs.map(([baseline, measured]) => measured.requestsPerSecond / baseline.requestsPerSecond)),
    };
  };
  const home = compare("/", `http://127.0.0.1:${barePort}/`, `${candorBase}/`);
  const summary = compare("summary.json", `http://127.0.0.1:${barePort}/api/v2/summary.json`, `${candorBase}/api/v2/summary.json`);
  const history = compare("/history", `http://127.0.0.1:${barePort}/history`, `${candorBase}/history`);
  process.stdout.write("measuring nginx / and Next's uncached /…\n");
  const ceiling = runWrk(`http://127.0.0.1:${nginxPort}/`);
  const uncachedResult = runWrk(`http://127.0.0.1:${uncachedPort}/`);
  const candorMemory = memoryOf(candor.pid);
  const uncachedMemory = memoryOf(uncached.pid);

  // An admin write (the same domain call the settings form makes) until / and summary.json show it.
  const visible: number[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    const name = `Acme status ${attempt}`;
    const started = performance.now();
    await updatePageSettings(admin, { pageName: name, brandColor: "#2563eb", timeZone: "UTC", requirePostmortemApproval: false });
    await Promise.all(
      ["/", "/api/v2/summary.json"].map(async (pathname) => {
        while (!(await (await fetch(candorBase + pathname)).text()).includes(name)) await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    );
    visible.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 400));
  }

  const percent = (ratio: number) => `   ${(ratio * 100).toFixed(0)} % of node:http (median of rounds)`;
  console.log(
    `\nPublic read path, ${os.cpus().length} cores, wrk -t1 -c50, identity bodies: / ${sizes["/"]} B, summary.json ${sizes["/api/v2/summary.json"]} B, /history ${sizes["/history"]} B`,
  );
  console.log(
    `Candor against node:http: ${3} alternating rounds of ${ROUND.warmupSeconds} s warm-up + ${ROUND.seconds} s each, medians; nginx and Next: 5 s warm-up + 10 s`,
  );
  console.log(row("nginx, saved copy of / (1 worker)", ceiling, home.baseline, "node:http"));
  console.log(row("bare node:http, same bytes as /", home.baseline, home.baseline, "node:http"));
  console.log(
    row(
      "Candor /",
      home.candor,
      home.baseline,
      "node:http",
      `${percent(home.ratio)}; ${((home.candor.requestsPerSecond / ceiling.requestsPerSecond) * 100).toFixed(0)} % of nginx`,
    ),
  );
  console.log(row("bare node:http, summary.json", summary.baseline, summary.baseline, "node:http"));
  console.log(row("Candor /api/v2/summary.json", summary.candor, summary.baseline, "node:http", percent(summary.ratio)));
  console.log(row("bare node:http, /history", history.baseline, history.baseline, "node:http"));
  console.log(row("Candor /history", history.candor, history.baseline, "node:http", percent(history.ratio)));
  console.log(row("Next uncached render of /", uncachedResult, home.baseline, "node:http"));
  console.log(`Candor / vs Next uncached: ${(home.candor.requestsPerSecond / uncachedResult.requestsPerSecond).toFixed(0)}×`);
  console.log(
    `RSS: Candor ${candorMemory.rssMb.toFixed(0)} MB (peak ${candorMemory.peakMb.toFixed(0)} MB); Next uncached ${uncachedMemory.rssMb.toFixed(0)} MB (peak ${uncachedMemory.peakMb.toFixed(0)} MB)`,
  );
  const sorted = [...visible].sort((a, b) => a - b);
  console.log(
    `Admin write → visible on / and summary.json: median ${sorted[2]!.toFixed(0)} ms, max ${sorted[4]!.toFixed(0)} ms (5 writes)`,
  );

  const checks: [string, boolean][] = [
    [`/ ≥ ${TARGETS.ofNodeHttp * 100} % of node:http`, home.ratio >= TARGETS.ofNodeHttp],
    [`summary.json ≥ ${TARGETS.ofNodeHttp * 100} % of node:http`, summary.ratio >= TARGETS.ofNodeHttp],
    [`p99 < ${TARGETS.p99Ms} ms on / and summary.json`, home.candor.p99Ms < TARGETS.p99Ms && summary.candor.p99Ms < TARGETS.p99Ms],
    [
      `/ ≥ ${TARGETS.ofUncachedNext}× Next's uncached render`,
      home.candor.requestsPerSecond >= TARGETS.ofUncachedNext * uncachedResult.requestsPerSecond,
    ],
    [`write visible ≤ ${TARGETS.writeVisibleMs} ms`, sorted[4]! <= TARGETS.writeVisibleMs],
  ];
  for (const [target, met] of checks) console.log(`target: ${target} — ${met ? "met" : "NOT met"}`);
});
