// A reader subscribes from the public page, confirms from the email (read in
// the dev mailbox), is told of an incident declared with "Notify subscribers",
// and unsubscribes with the message's one-click link (RFC 8058).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openAdminPage, resolveIncident, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let admin: Page;
let reader: Page;
const email = `reader-${Date.now()}@example.com`;
const title = `Payments delayed ${Date.now()}`;

test.beforeAll(async ({ browser }) => {
  admin = await openAdminPage(browser);
  const context = await browser.newContext({ baseURL: process.env.CANDOR_E2E_BASE_URL });
  reader = await context.newPage();
});

test.afterAll(async () => {
  await resolveIncident(admin, title);
  await admin.context().close();
  await reader.context().close();
});

/** Opens the newest dev-mailbox message to `to` whose subject matches, once the worker has sent it; returns its plain text and headers. */
async function openMail(to: string, subject: RegExp): Promise<string> {
  await expect(async () => {
    await admin.goto("/admin/mailbox");
    await expect(
      admin
        .getByRole("row", { name: new RegExp(to) })
        .filter({ hasText: subject })
        .first(),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await admin
    .getByRole("row", { name: new RegExp(to) })
    .filter({ hasText: subject })
    .first()
    .getByRole("link")
    .click();
  await expect(admin.getByText("⚠ Not delivered")).toBeVisible();
  return (await admin.locator("main").textContent()) ?? "";
}

async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("a reader subscribes from the header's link, without an account", async () => {
  await reader.goto("/");
  await reader.getByRole("link", { name: "Subscribe to updates" }).click();
  await expect(reader.getByRole("heading", { name: "Subscribe to updates" })).toBeVisible();
  await reader.getByLabel("Email address").fill(email);
  await reader.getByRole("checkbox", { name: "API", exact: true }).check();
  await expectNoAccessibilityViolations(reader);
  await screenshot(reader, "subscribe-light");
  await reader.emulateMedia({ colorScheme: "dark" });
  await screenshot(reader, "subscribe-dark");
  await reader.setViewportSize({ width: 360, height: 800 });
  await screenshot(reader, "subscribe-360");
  await reader.setViewportSize({ width: 1280, height: 800 });
  await reader.emulateMedia({ colorScheme: "light" });
  await reader.getByRole("button", { name: "Subscribe" }).click();
  await expect(reader.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
});

test("the confirmation email's link confirms, and leads to the preferences", async () => {
  const mail = await openMail(email, /Confirm your subscription/);
  const link = new URL(/https?:\/\/\S+\/subscription\?confirm=[A-Za-z0-9_-]{43}/.exec(mail)![0]);
  await reader.goto(link.pathname + link.search);
  await reader.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(reader.getByText("Subscription confirmed.")).toBeVisible();
  await expect(reader.getByRole("checkbox", { name: "API", exact: true })).toBeChecked();
  await expectNoAccessibilityViolations(reader);
  await screenshot(reader, "subscription-light");
  await reader.emulateMedia({ colorScheme: "dark" });
  await screenshot(reader, "subscription-dark");
  await reader.setViewportSize({ width: 360, height: 800 });
  await screenshot(reader, "subscription-360");
  await reader.setViewportSize({ width: 1280, height: 800 });
  await reader.emulateMedia({ colorScheme: "light" });
});

test("declaring an incident with Notify subscribers emails the reader; one click unsubscribes", async () => {
  await admin.goto("/admin/incidents/new");
  await admin.getByLabel("Title").fill(title);
  await admin.getByRole("radio", { name: "Major" }).check();
  await admin.getByLabel("API", { exact: true }).selectOption("partial_outage");
  await admin.getByLabel("First message to customers").fill("Card payments are accepted but confirmed late.");
  await expect(admin.getByRole("checkbox", { name: "Notify subscribers" })).toBeChecked();
  await admin.getByRole("button", { name: "Declare incident" }).click();
  await expect(admin.getByText("Declared.")).toBeVisible();

  const mail = await openMail(email, new RegExp(`Investigating: ${title}`));
  expect(mail).toContain("Card payments are accepted but confirmed late.");
  expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const oneClick = /List-Unsubscribe: <([^>\s]+)>/.exec(mail)![1]!;
  const preferences = /https?:\/\/\S+\/subscription\?token=[A-Za-z0-9_-]{43}/.exec(mail)![0];

  // What a mail client does for the one-click button: a POST, no cookies, no page.
  const answer = await reader.request.post(new URL(oneClick).pathname + new URL(oneClick).search, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(answer.status()).toBe(200);
  await reader.goto(new URL(preferences).pathname + new URL(preferences).search);
  await expect(reader.getByText(`Notices for ${email}: off.`)).toBeVisible();
});
