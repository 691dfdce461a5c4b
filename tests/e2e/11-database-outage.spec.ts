// A database that is hung (SIGSTOP) or down, seen by the people using
// Candor: the public page turns stale and never answers 5xx, an admin action
// fails fast with words and keeps what was typed and commits nothing when the
// database resumes, and the sign-in and admin pages explain the outage
// instead of a bare 500.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/database/embedded/server";
import { postmasterPid, signalServer } from "../support/postgres-processes";
import { createFirstAdmin, expect, screenshot, test } from "./fixtures";
import { startCandorProcess, type CandorProcess } from "./support/candor-process";

const STALE_NOTICE = "This page could not be refreshed just now";
const OUTAGE = "Candor cannot reach its database since";
const PUBLIC_PATHS = ["/", "/history", "/api/v2/summary.json", "/api/banner"];

test.describe.configure({ mode: "serial" });

let root: string;
let database: EmbeddedServer | undefined;
let candor: CandorProcess | undefined;
let page: Page;
let hung = false;
let candorEnv: NodeJS.ProcessEnv;

async function countIncidentsTitled(title: string): Promise<number> {
  const client = new pg.Client({ connectionString: database!.urlFor() });
  await client.connect();
  try {
    return (await client.query("SELECT count(*)::int AS n FROM incidents WHERE title = $1", [title])).rows[0].n;
  } finally {
    await client.end();
  }
}

/** Requests the public paths until `until` resolves; returns every status seen. */
async function hammerUntil(base: string, until: Promise<unknown>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    PUBLIC_PATHS.map(async (pathname) => {
      while (!done) {
        const response = await fetch(base + pathname).catch(() => null);
        const status = response?.status ?? 0;
        await response?.arrayBuffer();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  root = await mkdtemp(path.join(os.tmpdir(), "candor-outage-"));
  await chmod(root, 0o755);
  database = await startEmbeddedServer({ dataDir: path.join(root, "postgres"), log: () => {} });
  const env = {
    ...process.env,
    DATABASE_URL: database.urlFor(),
    AUTH_SECRET: "e2e-database-outage-secret-of-32-chars",
    CANDOR_DATA_DIR: path.join(root, "candor"),
  };
  candorEnv = env;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-seed-demo.ts"], { env, stdio: "pipe" });
  candor = await startCandorProcess(env);
  page = await (await browser.newContext({ baseURL: candor.baseUrl })).newPage();
  await createFirstAdmin(page);
  // Read once while all is well, as visitors would have: the front server saves each page to disk (the
  // damaged-snapshot test serves them). A page first asked for during an outage has nothing to serve but a 503.
  for (const pathname of PUBLIC_PATHS) await (await fetch(`${candor.baseUrl}${pathname}`)).arrayBuffer();
});

test.afterAll(async () => {
  if (hung) signalServer(database!.dataDir, "SIGCONT");
  await page?.context().close();
  await candor?.stop();
  await database?.stop();
  await rm(root, { recursive: true, force: true });
});

test("with PostgreSQL hung, the public page turns stale without a 5xx and Declare incident fails fast, committing nothing", async () => {
  test.setTimeout(120_000);
  const title = "Checkout is failing (hung database)";
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("radio", { name: "Major" }).check();
  await page.getByLabel("First message to customers").fill("We are looking into it.");

  signalServer(database!.dataDir, "SIGSTOP");
  hung = true;
  const started = Date.now();
  const stale = (async () => {
    // A bound on waiting (the issue asks for seconds), not a measured target.
    while (!(await (await fetch(`${candor!.baseUrl}/`)).text()).includes(STALE_NOTICE)) {
      if (Date.now() - started > 30_000) throw new Error("the public page did not turn stale within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`The public page showed the stale notice ${Date.now() - started} ms after PostgreSQL was stopped.`);
  })();
  const statuses = await hammerUntil(candor!.baseUrl, stale);
  console.log(`While hung: ${JSON.stringify(Object.fromEntries(statuses))} (status: requests)`);
  expect([...statuses.keys()].filter((status) => status === 0 || status >= 500)).toEqual([]);

  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("The database is not answering — nothing was saved, try again.")).toBeVisible({ timeout: 30_000 });
  console.log(`Declare incident failed ${Date.now() - started} ms after PostgreSQL was stopped.`);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await screenshot(page, "outage-declare-failed");

  signalServer(database!.dataDir, "SIGCONT");
  hung = false;
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByText(STALE_NOTICE)).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  expect(await countIncidentsTitled(title)).toBe(0);
});

test("with PostgreSQL down, sign-in and the admin say so and what to check, in light and dark", async () => {
  await database!.stop();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(async () => {
      await page.goto("/sign-in");
      await expect(page.getByText(OUTAGE)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("heading", { name: "What to check" })).toBeVisible();
    await screenshot(page, `outage-sign-in-${scheme}`);
    const admin = await page.goto("/admin/incidents");
    expect(admin?.status()).toBeLessThan(500);
    await expect(page.getByText(OUTAGE)).toBeVisible();
    await screenshot(page, `outage-admin-${scheme}`);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "outage-admin-360");
});

test("a damaged saved snapshot with PostgreSQL down: said in the log, and saved pages still carry the stale notice", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // PostgreSQL is still down (the test before). Candor restarts and finds its snapshot truncated (a full disk, a crash).
  const saved = path.join(root, "candor", "public", "responses");
  await expect.poll(async () => (await readdir(saved).catch(() => [])).length).toBeGreaterThan(0);
  await candor!.stop();
  const file = path.join(root, "candor", "public", "snapshot.json");
  const whole = await readFile(file, "utf8");
  await writeFile(file, whole.slice(0, Math.floor(whole.length / 2)));
  candor = await startCandorProcess(candorEnv);
  const response = await fetch(`${candor.baseUrl}/`);
  expect([response.status, response.headers.get("x-candor-stale")]).toEqual([200, "1"]);
  expect(response.headers.get("cache-control")).toMatch(/^public/);
  expect(await response.text()).toContain(STALE_NOTICE);
  expect(candor.output()).toMatch(/the saved public snapshot .*snapshot\.json is damaged \(\d+ bytes, not a complete snapshot\)/);
  expect(candor.output()).not.toContain("no snapshot was saved");

  // In the browser too, once the page's scripts ran, at 360 px in light and dark.
  const context = await browser.newContext({ baseURL: candor.baseUrl, viewport: { width: 360, height: 800 } });
  try {
    const reader = await context.newPage();
    for (const scheme of ["light", "dark"] as const) {
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.goto("/", { waitUntil: "networkidle" });
      await expect(reader.getByRole("status").filter({ hasText: STALE_NOTICE })).toBeVisible();
      await screenshot(reader, `outage-damaged-snapshot-360-${scheme}`);
    }
  } finally {
    await context.close();
  }
});

test("kill -9 of the embedded PostgreSQL: Candor starts it again by itself and a write succeeds after", async ({ browser }) => {
  test.setTimeout(300_000);
  const dataDir = path.join(root, "embedded");
  const env: NodeJS.ProcessEnv = { ...process.env, CANDOR_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // Candor's own embedded server, as `npm start` gives it
  const own = await startCandorProcess(env);
  const context = await browser.newContext({ baseURL: own.baseUrl });
  try {
    const admin = await context.newPage();
    await createFirstAdmin(admin);
    const killed = postmasterPid(dataDir);
    const started = Date.now();
    process.kill(killed, "SIGKILL");
    const health = async () =>
      (await fetch(`${own.baseUrl}/api/health`)).json() as Promise<{ status: string; embedded: { restarts: number } }>;
    // A bound on waiting (the issue asks for 10 s); the time is printed.
    await expect.poll(async () => (await health()).embedded.restarts, { timeout: 20_000, intervals: [50] }).toBe(1);
    await expect.poll(async () => (await health()).status, { timeout: 20_000, intervals: [50] }).toBe("ok");
    console.log(`After kill -9 of the embedded PostgreSQL, /api/health was ok again in ${Date.now() - started} ms.`);
    expect(postmasterPid(dataDir)).not.toBe(killed);
    expect(own.output()).toMatch(/the embedded PostgreSQL was stopped by SIGKILL; restarting it in \d+ ms \(attempt 1 of \d+\)/);

    // Pooled connections to the killed server fail once each and are replaced: the admin recovers by itself.
    await expect(async () => {
      await admin.goto("/admin/incidents/new");
      await expect(admin.getByLabel("Title")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(admin.getByRole("contentinfo")).toContainText("restarted by Candor once since it started");
    await admin.getByLabel("Title").fill("Written after the database restarted");
    await admin.getByRole("radio", { name: "Minor" }).check();
    await admin.getByLabel("First message to customers").fill("Checking that writes work.");
    await admin.getByRole("button", { name: "Declare incident" }).click();
    await expect(admin.getByText("Declared. It is on the status page now.")).toBeVisible();
    await admin.goto("/");
    await expect(admin.getByText(STALE_NOTICE)).toBeHidden();
    await expect(admin.getByRole("region", { name: "Active incidents" }).getByText("Written after the database restarted")).toBeVisible();
  } finally {
    await context.close();
    await own.stop();
  }
});
