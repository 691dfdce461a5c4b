import { mkdir } from "node:fs/promises";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

/**
 * The admin's signed-in browser state, written once by global-setup.ts: specs
 * reuse it instead of signing in, so no spec spends the shared instance's
 * sign-in allowance (6 a minute per address) and none depends on another's.
 */
export const ADMIN_STATE = "test-results/.auth/admin.json";

export const test = base.extend({
  baseURL: async ({}, provide) => {
    await provide(process.env.CANDOR_E2E_BASE_URL);
  },
});

export { expect };

export const SCREENSHOT_DIR = "test-results/screenshots";

/** Full-page screenshots kept after the run, to be looked at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Submits the sign-in form; the caller waits for the answer it expects. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills /setup on a fresh instance and waits for the admin overview. */
export async function createFirstAdmin(page: Page): Promise<void> {
  await page.goto("/setup");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  // Global setup runs outside the test runner's expect timeout (5 s there), and hashing the password (scrypt)
  // then rendering the admin took longer than that with three test suites on two cores.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 30_000 });
}

/**
 * A page signed in as the admin (the stored session), in its own context
 * (axe-core needs an explicit context), shared by a serial file's tests.
 * Close its context after.
 */
export async function openAdminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.CANDOR_E2E_BASE_URL, storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

/**
 * Resolves an incident a spec declared on the shared Candor, so the specs
 * after it (in any order) find every component operational again.
 */
export async function resolveIncident(page: Page, title: string): Promise<void> {
  await page.goto("/admin/incidents");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\w+$/);
  await page.getByLabel("Status", { exact: true }).selectOption("resolved");
  await page.getByLabel("Message to customers").fill("Resolved.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("This incident is resolved. Internal notes can still be added.")).toBeVisible();
}
