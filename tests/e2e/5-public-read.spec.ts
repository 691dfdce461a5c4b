// The public read path with real processes: two Candor instances on one
// PostgreSQL see each other's writes within a second, and the public page
// keeps answering (no 5xx) while PostgreSQL is stopped, even across a
// restart of Candor, then recovers by itself.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/database/embedded/server";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { startCandorProcess, type CandorProcess } from "./support/candor-process";

const STALE_NOTICE = "This page could not be refreshed just now";
const PUBLIC_PATHS = [
  "/",
  "/history",
  "/api/v2/summary.json",
  "/api/v2/incidents.json",
  "/history.rss",
  "/api/banner",
  "/incidents/unknown-id",
];

async function renamePage(databaseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("UPDATE page_settings SET page_name = $1, updated_at = now() WHERE id = 1", [name]);
  await client.end();
}

/** An operator, as /setup would leave one: until one exists the public page says it is not set up. */
async function addOperator(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    "INSERT INTO users (id, name, email, role, updated_at) VALUES ('e2e-operator', 'Ops', 'ops@example.com', 'admin', now())",
  );
  await client.end();
}

/** Milliseconds until every URL's body contains the text (fails after `limitMs`: a bound on waiting, not a target). */
async function millisecondsUntilVisible(urls: string[], text: string, limitMs = 30_000): Promise<number> {
  const started = Date.now();
  await Promise.all(
    urls.map(async (url) => {
      while (!(await (await fetch(url)).text()).includes(text)) {
        if (Date.now() - started > limitMs) throw new Error(`${url} did not show "${text}" within ${limitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  return Date.now() - started;
}

/** Requests the public paths on every instance for a while; returns every status seen. */
async function hammer(bases: string[], durationMs: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const until = Date.now() + durationMs;
  await Promise.all(
    bases.flatMap((base) =>
      PUBLIC_PATHS.map(async (pathname) => {
        while (Date.now() < until) {
          const response = await fetch(base + pathname, { headers: { "accept-encoding": "gzip, br" } }).catch(() => null);
          const status = response?.status ?? 0;
          await response?.arrayBuffer();
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    ),
  );
  return statuses;
}

test.describe.configure({ mode: "serial" });

let root: string;
let pgDir: string;
let database: EmbeddedServer | undefined;
let databaseUrl: string;
const instances: CandorProcess[] = [];
let page: Page;
let incidentHref: string | null;

const envFor = (name: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: "e2e-public-read-secret-of-32-characters",
  CANDOR_DATA_DIR: path.join(root, name),
});

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  root = await mkdtemp(path.join(os.tmpdir(), "candor-public-read-"));
  await chmod(root, 0o755);
  pgDir = path.join(root, "postgres");
  database = await startEmbeddedServer({ dataDir: pgDir, log: () => {} });
  databaseUrl = database.urlFor();
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-seed-demo.ts"], {
    env: envFor("seed"),
    stdio: "pipe",
  });
  await addOperator(databaseUrl);
  instances.push(await startCandorProcess(envFor("a")), await startCandorProcess(envFor("b")));
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page?.close();
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.stop();
  await rm(root, { recursive: true, force: true });
});

test("odd requests on public routes get an answer or a clear 4xx, never a 5xx", async () => {
  const [a] = instances as [CandorProcess];
  const odd: [string, RequestInit?][] = [
    ["/", { method: "HEAD" }],
    ["/", { headers: { "if-none-match": '"garbage", W/"", *x' } }],
    ["/history?page=-1&page=abc&%ZZ=1"],
    [`/?q=${"x".repeat(5_000)}`],
    [`/incidents/${"a".repeat(500)}`],
    ["/api/v2/incidents/not-an-incident.json"],
    ["/api/v2/nope.json"],
    ["/incidents/%00%ff"],
  ];
  for (const [pathname, init] of odd) {
    const response = await fetch(a.baseUrl + pathname, init);
    expect([pathname.slice(0, 60), response.status < 500]).toEqual([pathname.slice(0, 60), true]);
  }
  const missing = await fetch(`${a.baseUrl}/api/v2/incidents/not-an-incident.json`);
  expect([missing.status, await missing.json()]).toEqual([404, { error: "There is no incident with that id on this page." }]);
});

test("a write reaches / and summary.json on both instances", async () => {
  const [a, b] = instances as [CandorProcess, CandorProcess];
  await renamePage(databaseUrl, "Acme status (renamed)");
  // How fast is measured by the integration test's stores and by `npm run bench`.
  const visibleMs = await millisecondsUntilVisible(
    [a, b].flatMap((instance) => [`${instance.baseUrl}/`, `${instance.baseUrl}/api/v2/summary.json`]),
    "Acme status (renamed)",
  );
  console.log(`A write reached / and summary.json on both instances in ${visibleMs} ms.`);
  await page.goto(`${a.baseUrl}/`);
  await expect(page.getByText("Acme status (renamed)").first()).toBeVisible();
  incidentHref = await page.getByRole("link", { name: "Elevated error rates on the API", exact: true }).getAttribute("href");
});

test("an instance runs on the Next.js configuration its build saved, without loading Next's compiler", async () => {
  const [a] = instances as [CandorProcess];
  // next.config.ts read again at start would be compiled by Next's native SWC binary, which then stays mapped (~50 MB).
  const maps = await readFile(`/proc/${a.child.pid}/maps`, "utf8");
  expect(maps).toContain("node");
  expect(maps).not.toContain("next-swc");
  // The saved configuration is the one in effect: next.config.ts turns the x-powered-by header off.
  const signIn = await fetch(`${a.baseUrl}/sign-in`);
  expect([signIn.status, signIn.headers.get("x-powered-by")]).toEqual([200, null]);
});

test("with PostgreSQL stopped, every public page still answers, marked stale", async () => {
  const [a, b] = instances as [CandorProcess, CandorProcess];
  // Visitors have read each page on each instance while all was well: since issue 18, history and incident
  // pages are rendered when first asked for, and one never asked for before the outage can only answer 503.
  for (const base of [a.baseUrl, b.baseUrl]) {
    for (const pathname of PUBLIC_PATHS) await (await fetch(base + pathname)).arrayBuffer();
  }
  await database!.stop();
  const duringOutage = await hammer([a.baseUrl, b.baseUrl], 4_000);
  console.log(`During the outage: ${JSON.stringify(Object.fromEntries(duringOutage))} (status: requests)`);
  expect([...duringOutage.keys()].filter((status) => status === 0 || status >= 500)).toEqual([]);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(STALE_NOTICE)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByText("Acme status (renamed)").first()).toBeVisible();
  await screenshot(page, "public-stale");
  await page.goto(`${a.baseUrl}${incidentHref}`);
  await expect(page.getByRole("heading", { name: "Elevated error rates on the API" })).toBeVisible();
});

test("an instance restarted during the outage starts from its saved snapshot", async () => {
  const a = instances[0]!;
  await a.stop();
  instances[0] = await startCandorProcess(envFor("a"), { port: a.port });
  expect(instances[0].output()).toContain("the database cannot be reached");
  const afterRestart = await hammer([a.baseUrl], 2_000);
  expect([...afterRestart.keys()].filter((status) => status === 0 || status >= 500)).toEqual([]);
  await page.goto(`${a.baseUrl}/`);
  await expect(page.getByText(STALE_NOTICE)).toBeVisible();
});

test("when PostgreSQL returns, pages are live again and show new writes", async () => {
  const [a, b] = instances as [CandorProcess, CandorProcess];
  database = await startEmbeddedServer({
    dataDir: pgDir,
    port: new URL(databaseUrl).port ? Number(new URL(databaseUrl).port) : undefined,
    log: () => {},
  });
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(STALE_NOTICE)).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await renamePage(databaseUrl, "Acme status (back)");
  await millisecondsUntilVisible([`${a.baseUrl}/`, `${b.baseUrl}/`], "Acme status (back)");
});
