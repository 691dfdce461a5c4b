// The static mirror end to end, with the production build: a Candor of its
// own pushing to a real S3-compatible server (s3rver); an incident
// published in the admin reaches the bucket; `npm run export` writes the
// same files to a folder a plain static server answers; then Candor stops
// and the bucket's files, served by a static host, are the status page in
// Chromium: the incident, the uptime bars, the banner JSON, and no failed
// request (nothing reaches for the stopped origin).
import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "@playwright/test";
import { createFirstAdmin, expect, screenshot, test } from "./fixtures";
import { startCandorProcess, type CandorProcess } from "./support/candor-process";
import { S3_KEY, S3_SECRET, startS3Server, type S3Server } from "../support/s3-server";
import { folderFiles, startStaticServer } from "../support/static-server";

test.describe.configure({ mode: "serial" });

const TITLE = "Payments delayed for some cards";
let root: string;
let s3: S3Server;
let candor: CandorProcess;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  root = await mkdtemp(path.join(os.tmpdir(), "candor-mirror-"));
  await chmod(root, 0o755); // the embedded PostgreSQL runs as the postgres user
  s3 = await startS3Server();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CANDOR_DATA_DIR: path.join(root, "data"),
    CANDOR_MIRROR_S3_URL: s3.url,
    CANDOR_MIRROR_S3_BUCKET: s3.bucket,
    CANDOR_MIRROR_S3_ACCESS_KEY_ID: S3_KEY,
    CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: S3_SECRET,
  };
  delete env.DATABASE_URL;
  candor = await startCandorProcess(env);
});

test.afterAll(async () => {
  await candor?.stop();
  await s3?.dispose();
  await rm(root, { recursive: true, force: true });
});

/** Every request of the page that failed or was answered with an error. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("requestfailed", (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} ${response.status()}`);
  });
  return failures;
}

test("an incident published in the admin reaches the bucket, and npm run export writes the same mirror to a folder", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: candor.baseUrl });
  const page = await context.newPage();
  await createFirstAdmin(page);
  await page.getByRole("link", { name: "Declare incident" }).click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("radio", { name: "Major" }).check();
  await page.getByLabel("First message to customers").fill("Some card payments are delayed. We are investigating.");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();

  // The worker pushes within seconds of the change; the health endpoint says when the bucket caught up.
  // s3rver answers 500 to a read of an object it is writing that moment: poll on, as for one not there yet.
  await expect.poll(async () => (await s3.get("index.html").catch(() => null))?.body ?? "", { timeout: 30_000 }).toContain(TITLE);
  await expect
    .poll(async () => ((await (await page.request.get("/api/health")).json()) as { mirror: { lagSeconds: number } }).mirror.lagSeconds, {
      timeout: 30_000,
    })
    .toBe(0);
  await page.goto("/admin/mirror");
  await expect(page.getByText("Up to date")).toBeVisible();
  await screenshot(page, "admin-mirror");
  await context.close();

  const folder = path.join(root, "export");
  await promisify(execFile)("npm", ["run", "export", "--", folder], {
    env: { ...process.env, PORT: String(candor.port), CANDOR_DATA_DIR: path.join(root, "data"), DATABASE_URL: "" },
  });
  const host = await startStaticServer(folderFiles(folder));
  try {
    const front = await fetch(`${host.url}/`);
    expect(await front.text()).toContain(TITLE);
    const summary = (await (await fetch(`${host.url}/api/v2/summary.json`)).json()) as { incidents: { name: string; id: string }[] };
    const incident = summary.incidents.find((entry) => entry.name === TITLE)!;
    expect(incident).toBeDefined();
    expect(await (await fetch(`${host.url}/incidents/${incident.id}/`)).text()).toContain(TITLE);
    expect((await fetch(`${host.url}/history/`)).status).toBe(200);
    expect(await (await fetch(`${host.url}/history.rss`)).text()).toContain("<rss");
    const banner: unknown = await (await fetch(`${host.url}/api/banner`)).json();
    expect(banner).toBeDefined();
  } finally {
    await host.stop();
  }
});

async function openMirror(browser: Browser, url: string, options: { colorScheme?: "dark"; width?: number } = {}) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const failures = watchFailures(page);
  await page.goto(url);
  return { page, failures, close: () => context.close() };
}

test("with Candor stopped, the bucket's files are the status page in the browser, with nothing failing", async ({ browser }) => {
  await candor.stop();
  const host = await startStaticServer(async (key) => s3.get(key));
  try {
    const { page, failures, close } = await openMirror(browser, `${host.url}/`);
    await expect(page.getByRole("note").filter({ hasText: `Mirror of ${candor.baseUrl}` })).toBeVisible();
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    // Times stay in UTC (no script runs): the footer says so, as the notice does.
    await expect(page.getByRole("contentinfo")).toContainText("Times are in UTC.");
    await expect(page.getByText("your time zone")).toHaveCount(0);
    expect(await page.getByRole("group", { name: /^Uptime of / }).count()).toBeGreaterThan(0);
    await screenshot(page, "mirror-front");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await page.getByRole("link", { name: "Incident history" }).click();
    await expect(page).toHaveURL(`${host.url}/history/`);
    const banner = await page.request.get(`${host.url}/api/banner`);
    expect(banner.headers()["content-type"]).toContain("application/json");
    await banner.json();
    const summary = await page.request.get(`${host.url}/api/v2/summary.json`);
    expect(JSON.stringify(await summary.json())).toContain(TITLE);
    expect(failures).toEqual([]);
    await close();

    for (const [name, options] of [
      ["mirror-front-dark", { colorScheme: "dark" as const }],
      ["mirror-front-360", { width: 360 }],
    ] as const) {
      const view = await openMirror(browser, `${host.url}/`, options);
      await expect(view.page.getByRole("link", { name: TITLE })).toBeVisible();
      await screenshot(view.page, name);
      expect(view.failures).toEqual([]);
      await view.close();
    }
  } finally {
    await host.stop();
  }
  // Candor stopped: the export opens the data directory itself (a private Candor on a free port).
  test.setTimeout(240_000);
  const folder = path.join(root, "export-stopped");
  const { stdout } = await promisify(execFile)("npm", ["run", "export", "--", folder], {
    env: { ...process.env, PORT: String(candor.port), CANDOR_DATA_DIR: path.join(root, "data"), DATABASE_URL: "" },
  });
  expect(stdout).toContain("Candor is not running on port");
  const exported = await startStaticServer(folderFiles(folder));
  try {
    expect(await (await fetch(`${exported.url}/`)).text()).toContain(TITLE);
  } finally {
    await exported.stop();
  }
});
