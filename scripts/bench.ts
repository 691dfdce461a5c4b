// npm run bench: every benchmark in bench/, one after the other, each in its
// own process, whatever the one before found; then one summary of every
// target (met / not met). Exits non-zero only at the end, when a target was
// missed or a benchmark failed, so one miss never hides the others' figures.
import { spawn } from "node:child_process";
import { parseTargets, type Target } from "../bench/targets";

const BENCHES = [
  "bench/large-page.ts",
  "bench/public-read.ts",
  "bench/public-memory.ts",
  "bench/banner.ts",
  "bench/sse.ts",
  "bench/outbox.ts",
  "bench/mirror.ts",
  "bench/offers.ts",
  "bench/subscribers.ts",
  "bench/alerts.ts",
];

function run(bench: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", bench], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const targets: Target[] = [];
const failed: string[] = [];
for (const bench of BENCHES) {
  console.log(`\n=== ${bench} ===`);
  const { code, output } = await run(bench);
  const found = parseTargets(bench, output);
  targets.push(...found);
  if (code !== 0 && found.every((target) => target.met)) failed.push(`${bench} exited with ${code}`);
  else if (found.length === 0) failed.push(`${bench} reported no target`);
}

console.log("\n=== Targets ===");
for (const target of targets) console.log(`${target.met ? "met    " : "NOT met"}  ${target.bench}: ${target.text}`);
for (const failure of failed) console.log(`FAILED   ${failure}`);
const missed = targets.filter((target) => !target.met).length;
console.log(
  `\nBench: ${targets.length - missed} of ${targets.length} targets met${failed.length ? `, ${failed.length} benchmark(s) failed` : ""}.`,
);
process.exit(missed || failed.length ? 1 : 0);
