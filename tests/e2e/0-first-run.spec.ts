// A new user's first minutes, on a Candor of its own (the shared instance's
// admin already exists): /setup, a wrong password, the demo status page.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ADMIN, createFirstAdmin, expect, screenshot, signIn, test } from "./fixtures";
import { startOwnCandor, type CandorProcess } from "./support/candor-process";

test.describe.configure({ mode: "serial" });

let candor: CandorProcess;
let page: Page;

test.beforeAll(async ({ browser }) => {
  candor = await startOwnCandor();
  page = await (await browser.newContext({ baseURL: candor.baseUrl })).newPage();
});

test.afterAll(async () => {
  await page?.context().close();
  await candor?.stop();
});

test("first run: /setup creates the admin, who can sign out; then /setup is gone", async () => {
  expect(candor.output()).toContain("/setup to create the first admin");
  // Before set-up the public page claims nothing about any service.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This status page is not set up yet");
  await expect(page.locator("body")).not.toContainText("All systems operational");
  await screenshot(page, "public-not-set-up");
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/setup$/);
  await screenshot(page, "setup");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill("something else");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  await expect(page.getByLabel("Repeat the password")).toHaveAttribute("aria-invalid", "true");
  // A failed submit keeps what was typed (but never the passwords).
  await expect(page.getByLabel("Your name")).toHaveValue(ADMIN.name);
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);

  await createFirstAdmin(page);
  await expect(page.getByTestId("database-kind")).toContainText("Embedded PostgreSQL");
  await expect(page.getByText("This page shows demo data")).toBeVisible();
  // A checklist until the page is really set up, and a warning while links point at this machine.
  const checklist = page.getByRole("region", { name: "Set up your status page" });
  await expect(checklist.getByRole("link", { name: "Set the public URL" })).toBeVisible();
  await expect(checklist).toContainText("Email goes out from “Acme status” <status@localhost>");
  await expect(checklist.getByRole("button", { name: "Copy the snippet" })).toBeVisible();
  await expect(
    page.getByRole("note").filter({ hasText: "links in email, feeds and the banner snippet point at this machine" }),
  ).toBeVisible();
  await screenshot(page, "admin-overview");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "admin-overview-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, "admin-overview-360");
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in$/);
  const setup = await page.goto("/setup");
  expect(setup?.status()).toBe(404);
});

test("a wrong password or an unknown email gets the same message", async () => {
  await signIn(page, ADMIN.email, "not the password");
  await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
  await signIn(page, "nobody@example.com", "not the password");
  await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
  await screenshot(page, "sign-in-wrong-password");
});

test("the public status page shows the demo components, is accessible and works on a phone", async () => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All systems operational/);
  await expect(page.getByRole("region", { name: "Core platform" }).getByText("API", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Elevated error rates on the API", exact: true })).toBeVisible();
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  // The social preview is an absolute URL to public/social-preview.png, which is served.
  const preview = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(preview).toBe(`${candor.baseUrl}/social-preview.png`);
});

test("public/ is served: favicon, robots.txt and the social preview", async ({ request }) => {
  for (const [file, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/robots.txt", "text/plain"],
    ["/social-preview.png", "image/png"],
  ] as const) {
    const response = await request.get(candor.baseUrl + file);
    expect([file, response.status(), response.headers()["content-type"]]).toEqual([file, 200, expect.stringContaining(type)]);
  }
});
