// Seed 001: after a silent week-long failure the founder offered every
// affected customer a month's refund; they declined, and thanked him. Here:
// one form, a review, the dev mailbox, each customer's own link (one
// accepts, one declines with a comment and no JavaScript, one leaves it),
// then the admin's totals and the billing CSV.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import Papa from "papaparse";
import { expect, openAdminPage, resolveIncident, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Analytics requests went to the wrong app for a week";
const CSV = [
  "Email,First name,Name,Company,Account id,Monthly amount,Currency,Components",
  "ann@offers.test,Ann,Ann Archer,Archer Ltd,off-1,49,EUR,Web app",
  "bob@offers.test,Bob,Bob Baker,Baker GmbH,off-2,99,EUR,Web app",
  "cat@offers.test,Cat,Cat Cole,Cole Inc,off-3,4900,JPY,Web app",
].join("\n");

let page: Page;
const links = new Map<string, string>();

test.beforeAll(async ({ browser }) => {
  page = await openAdminPage(browser);
});

test.afterAll(async () => {
  await resolveIncident(page, TITLE);
  await page.context().close();
});

async function expectNoAccessibilityViolations(on: Page): Promise<void> {
  const result = await new AxeBuilder({ page: on }).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

/** A customer's browser: not signed in; optionally without JavaScript, at phone width, in dark mode. */
async function customerPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.CANDOR_E2E_BASE_URL,
    viewport: { width: 360, height: 780 },
    ...options,
  });
  return context.newPage();
}

test("a one-month offer to the incident's customers: set up in one form, reviewed, sent", async () => {
  await page.goto("/admin/customers/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Import 3 customers" }).click();
  await expect(page.getByText(/✓ 3 added/)).toBeVisible();

  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("radio", { name: "Major" }).check();
  await page.getByLabel("Web app", { exact: true }).selectOption("major_outage");
  await page
    .getByLabel("First message to customers")
    .fill("A config change sent a week of analytics requests to another app. Most data is recovered.");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();

  await page.getByRole("link", { name: "Make good" }).click();
  await expect(page.getByRole("heading", { name: "Make good" })).toBeVisible();
  await expect(page.getByLabel("Rule").first()).toHaveValue("months");
  await expect(page.getByRole("checkbox", { name: "Web app" })).toBeChecked();
  // Only this spec's customers (other specs' customers may use the Web app too).
  await page.getByLabel("Only these accounts").fill("off-1\noff-2\noff-3");
  await screenshot(page, "offer-form");
  await page.getByRole("button", { name: "Review recipients and amounts" }).click();

  await expect(page.getByRole("heading", { name: `Make good: ${TITLE}` })).toBeVisible();
  const liability = page.getByRole("region", { name: "Total liability per currency" });
  await expect(liability).toContainText("€148.00");
  await expect(liability).toContainText("¥4,900");
  await expect(page.getByRole("row", { name: /Ann Archer ann@offers\.test €49\.00/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await screenshot(page, "offer-review");
  await page.getByRole("button", { name: "Send the offer to 3 customers" }).click();
  await expect(page.getByText("Sent: the offer is queued in the outbox")).toBeVisible();
});

test("each customer gets their own link and amount in the dev mailbox", async () => {
  for (const email of ["ann@offers.test", "bob@offers.test", "cat@offers.test"]) {
    await expect(async () => {
      await page.goto("/admin/mailbox");
      await expect(page.getByRole("row", { name: new RegExp(`${email.replace(".", "\\.")} A credit for`) })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
    await page
      .getByRole("row", { name: new RegExp(email.replace(".", "\\.")) })
      .getByRole("link")
      .click();
    const text = (await page.locator("pre").textContent())!;
    const link = /Choose here: (\S+)/.exec(text)![1]!;
    links.set(email, new URL(link).pathname);
    expect(text).toContain(email.startsWith("cat") ? "¥4,900" : email.startsWith("ann") ? "€49.00" : "€99.00");
  }
  await screenshot(page, "offer-email");
});

test("a prefetch-style GET changes nothing; Ann accepts, Bob declines without JavaScript, Cat leaves it", async ({ browser }) => {
  // Mail scanners open links: nothing is recorded by reading.
  for (const link of links.values()) expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(page.url().replace(/\/admin\/mailbox.*/, "/admin"));

  const ann = await customerPage(browser);
  await ann.goto(links.get("ann@offers.test")!);
  await expect(ann.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(ann.getByText("A config change sent a week of analytics requests to another app.")).toBeVisible();
  await expectNoAccessibilityViolations(ann);
  await screenshot(ann, "offer-response-360-light");
  await ann.getByRole("radio", { name: /A month's fee/ }).check();
  await ann.getByRole("button", { name: "Send my answer" }).click();
  await expect(ann.getByRole("heading", { name: "Thank you" })).toBeVisible();
  await expect(ann.getByText("We recorded your answer: A month's fee (€49.00).")).toBeVisible();
  await screenshot(ann, "offer-thanks-360");
  await ann.context().close();

  const bob = await customerPage(browser, { javaScriptEnabled: false, colorScheme: "dark" });
  await bob.goto(links.get("bob@offers.test")!);
  await screenshot(bob, "offer-response-360-dark");
  await bob.getByRole("radio", { name: "No thanks, I don't need a credit" }).check();
  await bob.getByLabel(/Anything you'd like to tell us/).fill("No need, thanks — these things happen");
  await bob.getByRole("button", { name: "Send my answer" }).click();
  await expect(bob.getByText("We recorded your answer: No thanks, I don't need a credit.")).toBeVisible();
  await bob.context().close();

  const cat = await customerPage(browser);
  await cat.goto(links.get("cat@offers.test")!);
  await expect(cat.getByText("¥4,900")).toBeVisible();
  await cat.context().close();
});

test("the admin sees totals, answers and comments, marks the credit, and exports the CSV for billing", async () => {
  await page.goto("/admin/incidents");
  await page.getByRole("link", { name: TITLE }).first().click();
  await page.getByRole("link", { name: "Make good" }).click();
  await page.getByRole("link", { name: /^Sent on/ }).click();
  const totals = page.getByRole("region", { name: "Totals per currency" });
  await expect(totals.getByRole("row", { name: /^EUR 2 \(up to €148\.00\) A month's fee: 1 · €49\.00 1 0 0 · €0\.00$/ })).toBeVisible();
  await expect(totals.getByRole("row", { name: /^JPY 1 \(up to ¥4,900\) A month's fee: 0 · ¥0 0 1 0 · ¥0$/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "No need, thanks — these things happen" })).toBeVisible();
  await page.getByRole("button", { name: "Mark all accepted as credited" }).click();
  await expect(page.getByText("Marked as credited.")).toBeVisible();
  await page.reload();
  await expect(totals.getByRole("row", { name: /^EUR .* 1 · €49\.00$/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await screenshot(page, "offer-admin");

  const download = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV for billing" }).click(),
  ]).then(([file]) => file);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [headers, ...rows] = Papa.parse<string[]>(csv.trim()).data;
  expect(headers).toEqual([
    "customer",
    "external_id",
    "email",
    "choice",
    "amount",
    "currency",
    "responded_at",
    "comment",
    "credited_at",
    "billing_reference",
  ]);
  const byEmail = new Map(rows.map((row) => [row[2], row]));
  expect(byEmail.get("ann@offers.test")!.slice(0, 6)).toEqual(["Archer Ltd", "off-1", "ann@offers.test", "A month's fee", "49.00", "EUR"]);
  expect(byEmail.get("ann@offers.test")![8]).not.toBe("");
  expect(byEmail.get("bob@offers.test")!.slice(3, 8)).toEqual([
    "No thanks, I don't need a credit",
    "",
    "EUR",
    byEmail.get("bob@offers.test")![6],
    "No need, thanks — these things happen",
  ]);
  expect(byEmail.get("cat@offers.test")!.slice(3, 7)).toEqual(["No answer", "", "JPY", ""]);
});
