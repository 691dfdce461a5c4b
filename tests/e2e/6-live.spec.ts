// Pages already open follow a publish without a reload: the public page
// (its own stream) and a login page on another origin under a strict CSP
// (embed/banner.js's stream), each within 2 s.
import type { Page } from "@playwright/test";
import { expect, openAdminPage, screenshot, test } from "./fixtures";
import { startLoginHost } from "./support/login-host";

test.describe.configure({ mode: "serial" });

/** The promise: a change shows within 2 s of its publish, without a reload. */
const LIVE_WITHIN = { timeout: 2_000 };

let admin: Page;
let reader: Page;
let product: Page;
let host: Awaited<ReturnType<typeof startLoginHost>>;
const errors: string[] = [];

test.beforeAll(async ({ browser }) => {
  admin = await openAdminPage(browser);
  host = await startLoginHost(process.env.CANDOR_E2E_BASE_URL!);
  reader = await (await browser.newContext()).newPage();
  product = await (await browser.newContext()).newPage();
  for (const page of [reader, product]) {
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // The login host has no favicon.ico; every other failure counts.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });
  }
});

test.afterAll(async () => {
  await admin.context().close();
  await reader.context().close();
  await product.context().close();
  await host.close();
});

/** Resolves once the page's stream delivered its first event (so what follows is a live change). */
function streamOpened(page: Page): Promise<unknown> {
  return page.waitForResponse((response) => response.url().endsWith("/api/v2/stream") && response.status() === 200);
}

test("an open public page and an open login page on another origin show a new incident and a banner change without a reload", async () => {
  const readerStream = streamOpened(reader);
  await reader.goto("/");
  await readerStream;
  const productStream = streamOpened(product);
  await product.goto(`${host.url}/login`);
  await productStream;
  let reloads = 0;
  reader.on("load", () => reloads++);
  product.on("load", () => reloads++);

  await admin.goto("/admin/banner");
  await admin.getByLabel("Message", { exact: true }).fill("Live: sign-in may be slow for a few minutes.");
  await admin.getByRole("radio", { name: "Warning" }).check();
  await admin.getByRole("button", { name: /^Publish (banner|amendment)$/ }).click();
  await expect(admin.getByText(/^Published\./)).toBeVisible();
  await expect(product.locator("candor-banner")).toContainText("Live: sign-in may be slow for a few minutes.", LIVE_WITHIN);

  await admin.goto("/admin/incidents/new");
  await admin.getByLabel("Title").fill("Live: exports are delayed");
  await admin.getByRole("radio", { name: "Minor" }).check();
  await admin.getByLabel("First message to customers").fill("Exports are running late. We are looking into it.");
  await admin.getByRole("button", { name: "Declare incident" }).click();
  await expect(admin.getByText(/^Declared\./)).toBeVisible();
  const active = reader.getByRole("region", { name: "Active incidents" });
  await expect(active.getByText("Live: exports are delayed")).toBeVisible(LIVE_WITHIN);
  await screenshot(reader, "public-live-update");

  expect(reloads).toBe(0);
  expect(errors).toEqual([]);
});

test("without EventSource the public page and the banner fall back to polling, and still follow a publish", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    delete (window as { EventSource?: unknown }).EventSource;
  });
  const page = await context.newPage();
  const login = await context.newPage();
  const polled = page.waitForRequest((request) => request.method() === "HEAD" && new URL(request.url()).pathname === "/");
  await page.goto("/");
  await polled;
  await login.goto(`${host.url}/login`);
  await expect(login.locator("candor-banner")).toContainText("Live: sign-in may be slow");

  await admin.goto("/admin/banner");
  await admin.getByLabel("Message", { exact: true }).fill("Polled: the slowness is over.");
  await admin.getByRole("radio", { name: "Info" }).check();
  await admin.getByRole("button", { name: /^Publish (banner|amendment)$/ }).click();
  await expect(admin.getByText(/^Published\./)).toBeVisible();
  await admin.goto("/admin/incidents/new");
  await admin.getByLabel("Title").fill("Polled: reports are delayed");
  await admin.getByRole("radio", { name: "Minor" }).check();
  await admin.getByLabel("First message to customers").fill("Reports are running late.");
  await admin.getByRole("button", { name: "Declare incident" }).click();
  await expect(admin.getByText(/^Declared\./)).toBeVisible();

  // The next poll (every 15 s on both) brings them.
  const POLL = { timeout: 20_000 };
  await expect(page.getByRole("region", { name: "Active incidents" }).getByText("Polled: reports are delayed")).toBeVisible(POLL);
  await expect(login.locator("candor-banner")).toContainText("Polled: the slowness is over.", POLL);
  await context.close();
});
