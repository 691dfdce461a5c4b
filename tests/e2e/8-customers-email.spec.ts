import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openAdminPage, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await openAdminPage(browser);
});

test.afterAll(async () => {
  await page.context().close();
});

async function expectNoAccessibilityViolations(): Promise<void> {
  const result = await new AxeBuilder({ page }).exclude("iframe").analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

// Seed 002's customers: administrators of LeaveWizard accounts; some used it during the bad window.
const CSV = [
  "Email;First name;Name;Company;Account ID;Plan;Monthly amount;Currency;Tags",
  "rich@northwind.test;Rich;Rich Allen;Northwind;acc-001;pro;49;GBP;admin",
  "<script>@bad;Mallory;Mallory;Evil;acc-666;pro;10;GBP;",
  ...Array.from(
    { length: 24 },
    (_, index) =>
      `admin${index}@customer${index}.test;Pat${index};Pat ${index};Customer ${index};acc-${100 + index};${index % 3 === 0 ? "free" : "pro"};${index % 3 === 0 ? "" : "29"};${index % 3 === 0 ? "" : "GBP"};admin`,
  ),
  "esc@customer.test;<b>Eve</b>;Eve;Esc & Co;acc-200;pro;29;GBP;admin",
].join("\n");

/** Customers other specs imported into the shared Candor before this file's import. */
let others = 0;

/** The customers the list counts; other specs may have imported theirs into the shared Candor. */
async function customerCount(): Promise<number> {
  await page.goto("/admin/customers");
  const counted = /([\d,]+) customers?\b/.exec(await page.locator("main").innerText());
  return counted ? Number(counted[1]!.replaceAll(",", "")) : 0;
}

test("import customers from CSV: every bad row with its line, then the good ones", async () => {
  others = await customerCount();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(page.getByText(/27 rows: 26 new, 0 updated, 1 with problems/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Rows with problems" }).getByRole("row", { name: /^3 “<script>@bad” is not an email address\./ }),
  ).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("0");
  await expect(page.getByRole("button", { name: "Import 26 customers" })).toBeDisabled();
  await screenshot(page, "customers-import-preview");
  await page.getByLabel("Skip the row with problems").check();
  await page.getByRole("button", { name: "Import 26 customers" }).click();
  await expect(page.getByText("✓ 26 added, 0 updated, 1 skipped (lines 3).")).toBeVisible();
  await page.goto("/admin/customers");
  await expect(page.getByText(`${(others + 26).toLocaleString("en")} customers`)).toBeVisible();
  await expectNoAccessibilityViolations();
  await screenshot(page, "customers");
  const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]).then(
    ([file]) => file,
  );
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d\d-\d\d\.csv$/);
});

test("compose seed 002's email for the affected accounts: an unknown variable is refused, the count follows the filters", async () => {
  await page.goto("/admin/campaigns/new");
  await page.getByLabel("Kind").selectOption("postmortem");
  await page.getByLabel("Subject").fill("A day to forget yet a day to remember");
  await page
    .getByLabel("Message (Markdown)")
    .fill(
      "Dear {{First Name}},\n\nIn the 7 years that LeaveWizard has been running we have not had an incident like the one that happened yesterday.",
    );
  await expect(page.getByRole("status").filter({ hasText: /recipients/ })).toContainText(`${others + 26} recipients`);
  await page.getByRole("checkbox", { name: "pro", exact: true }).check();
  await expect(page.getByRole("status").filter({ hasText: /recipients/ })).toContainText("18 recipients");
  await page.getByLabel("Only these accounts").fill("acc-001\nacc-101\nacc-102\nadmin4@customer4.test\nacc-200\nacc-103");
  await expect(page.getByRole("status").filter({ hasText: /recipients/ })).toContainText("5 recipients");
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByText(/Unknown variable \{\{First Name\}\}: use \{\{first_name\}\}/)).toBeVisible();
  await screenshot(page, "campaign-compose");
  await expectNoAccessibilityViolations();
  await page
    .getByLabel("Message (Markdown)")
    .fill(
      "Dear {{first_name}},\n\nIn the 7 years that LeaveWizard has been running we have not had an incident like the one that happened yesterday.\n\n**What we are asking you to do**: please double check any events, approvals or other changes you made between 1am GMT on 27th September and 8:30am GMT on 28th September.\n\nKind regards,\nRich Allen, Co-Founder",
    );
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("heading", { name: "Review and send" })).toBeVisible();
});

test("preview for a chosen recipient at desktop and mobile width, a test send, then send and watch it reach 100 %", async () => {
  await page.getByLabel("Preview for").selectOption({ label: "rich@northwind.test (Rich Allen)" });
  const preview = page.frameLocator('iframe[title="Email preview"]');
  await expect(preview.getByText("Dear Rich,", { exact: true })).toBeVisible();
  await expect(preview.locator("p", { hasText: "between 1am GMT on 27th September and 8:30am GMT on 28th September" })).toBeVisible();
  await page.getByLabel("Preview for").selectOption({ label: "esc@customer.test (Eve)" });
  await expect(preview.getByText("Dear <b>Eve</b>,", { exact: true })).toBeVisible();
  await screenshot(page, "campaign-review-desktop");
  await page.getByRole("button", { name: "Mobile" }).click();
  await expect(page.getByRole("button", { name: "Mobile" })).toHaveAttribute("aria-pressed", "true");
  await screenshot(page, "campaign-review-mobile");
  await expectNoAccessibilityViolations();

  await page.getByRole("button", { name: "Send me a test" }).click();
  await expect(page.getByText("Test put in the dev mailbox for ada@example.com (no SMTP_URL).")).toBeVisible();

  await page.getByRole("button", { name: "Send to 5 recipients" }).click();
  const confirm = page.getByRole("dialog", { name: "Send to 5 recipients?" });
  await expect(confirm).toContainText("Email goes out to 5 recipients now");
  await confirm.getByRole("button", { name: "Send to 5 recipients" }).click();
  const bar = page.getByRole("progressbar", { name: "Sent" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 20_000 });
  await expect(page.getByText(/100 % · ✓ 5 sent · ✕ 0 failed · 0 pending/)).toBeVisible();
  await expect(page.getByRole("row", { name: /rich@northwind\.test ✓ Sent 1/ })).toBeVisible();
  await screenshot(page, "campaign-progress");
  await expectNoAccessibilityViolations();
});

test("the dev mailbox shows each message as the recipient sees it, marked not delivered", async () => {
  await page.goto("/admin/mailbox");
  await expect(page.getByRole("link", { name: "[Test] A day to forget yet a day to remember" })).toBeVisible();
  await expect(page.getByRole("row", { name: /rich@northwind\.test A day to forget/ })).toBeVisible();
  await page
    .getByRole("row", { name: /rich@northwind\.test/ })
    .getByRole("link")
    .click();
  await expect(page.getByText("⚠ Not delivered")).toBeVisible();
  await expect(page.frameLocator("iframe").getByText("Dear Rich,", { exact: true })).toBeVisible();
  await expect(page.getByText(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/)).toBeVisible();
  await screenshot(page, "mailbox-message");

  // The unsubscribe link in the message works without signing in.
  const text = await page.locator("pre").textContent();
  const unsubscribe = text!.match(/Unsubscribe: (\S+)/)![1]!;
  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(new URL(unsubscribe).pathname + new URL(unsubscribe).search);
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByText("✓ Done: rich@northwind.test gets no more of these emails.")).toBeVisible();
  await visitor.close();
  await page.goto("/admin/customers?q=rich");
  await expect(page.getByRole("row", { name: /rich@northwind\.test.*⊘ Unsubscribed/ })).toBeVisible();
});
