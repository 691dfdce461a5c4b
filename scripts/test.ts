// npm test: unit and integration tests (Vitest), then end-to-end tests in
// Debian's Chromium (Playwright) against a production build. Ends with one
// summary line over all suites.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";

const RESULTS = "test-results";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  return JSON.parse(await readFile(file, "utf8").catch(() => "null"));
}

async function vitestCounts(file: string): Promise<Counts> {
  const report = await readJson(file);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return {
    passed: Number(report.numPassedTests),
    failed: Number(report.numFailedTests),
    skipped: Number(report.numPendingTests) + Number(report.numTodoTests ?? 0),
  };
}

async function playwrightCounts(file: string): Promise<Counts> {
  const stats = (await readJson(file))?.stats as Record<string, number> | undefined;
  if (!stats) return { passed: 0, failed: 1, skipped: 0 };
  return { passed: stats.expected! + stats.flaky!, failed: stats.unexpected!, skipped: stats.skipped! };
}

await rm(RESULTS, { recursive: true, force: true });
await mkdir(RESULTS, { recursive: true });
const vitestExit = await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}/vitest.json`]);
const playwrightExit = await run("playwright", ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: `${RESULTS}/playwright.json`,
});
const totals = [await vitestCounts(`${RESULTS}/vitest.json`), await playwrightCounts(`${RESULTS}/playwright.json`)].reduce(
  (sum, counts) => ({
    passed: sum.passed + counts.passed,
    failed: sum.failed + counts.failed,
    skipped: sum.skipped + counts.skipped,
  }),
);
const failed = totals.failed + (vitestExit !== 0 && totals.failed === 0 ? 1 : 0) + (playwrightExit !== 0 && totals.failed === 0 ? 1 : 0);
console.log(`\nTests: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(vitestExit !== 0 || playwrightExit !== 0 ? 1 : 0);
