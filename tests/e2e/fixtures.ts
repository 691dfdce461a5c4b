import { mkdir } from "node:fs/promises";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

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

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A page signed in as the admin, in its own context (axe-core needs an
 * explicit context), shared by a serial file's tests. Close its context after.
 */
export async function openAdminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.CANDOR_E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}
