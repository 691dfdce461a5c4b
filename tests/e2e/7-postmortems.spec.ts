import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openAdminPage, screenshot, SCREENSHOT_DIR, test } from "./fixtures";
import { pdfToPng } from "./support/pdf-to-png";

test.describe.configure({ mode: "serial" });

const TITLE = "Some users asked to reset their passwords; changes lost";
let page: Page;
let incidentUrl: string;

test.beforeAll(async ({ browser }) => {
  page = await openAdminPage(browser);
});

test.afterAll(async () => {
  await page.context().close();
});

async function expectNoAccessibilityViolations(on: Page): Promise<void> {
  const result = await new AxeBuilder({ page: on }).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

const section = (on: Page, name: string) => on.getByRole("textbox", { name, exact: true });
const saved = (on: Page) => expect(on.getByText(/^✓ Revision \d+, saved at/)).toBeVisible({ timeout: 10_000 });

test("seed 002 recorded after the fact, with an internal note", async () => {
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("radio", { name: "Critical" }).check();
  await page.getByLabel("Web app", { exact: true }).selectOption("major_outage");
  await page.getByLabel("First message to customers").fill("Live deployment completed.");
  await page.getByLabel("Started at (UTC)").fill("2016-09-27T01:00");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();
  incidentUrl = new URL(page.url()).pathname;
  const post = async (status: string, message: string, at: string) => {
    await page.getByLabel("Status", { exact: true }).selectOption(status);
    await page.getByLabel("Message to customers").fill(message);
    await page.getByLabel("Time (UTC)").fill(at);
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText(/Update posted|This incident is resolved/).first()).toBeVisible();
    await page.reload();
  };
  await post(
    "investigating",
    "Some users cannot sign in. If you are asked to, reset your password; we are investigating.",
    "2016-09-27T08:45",
  );
  await post("identified", "We found the cause: production pointed at the wrong database.", "2016-09-28T08:30");
  await post("monitoring", "Corrected in production at 08:35 GMT.", "2016-09-28T08:35");
  await page.getByLabel("Note (operators only)").fill("Env file for prod had the staging DB host. Do not share.");
  await page.getByLabel("Time of the note (UTC)").fill("2016-09-28T08:32");
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.getByText("Internal note added.")).toBeVisible();
  await page.reload();
  await post(
    "resolved",
    "Resolved. Please re-enter changes made between 01:00 GMT on the 27th and 08:30 GMT on the 28th.",
    "2016-09-28T09:00",
  );
});

test("one click drafts the postmortem with the impact window and the public timeline, never the note", async () => {
  await page.goto(incidentUrl);
  await page.getByRole("button", { name: "Draft the postmortem" }).click();
  await expect(page).toHaveURL(`${incidentUrl}/postmortem`);
  await expect(page.getByText("✓ Revision 1")).toBeVisible();
  await expect(section(page, "Impact")).toHaveValue(
    /From \*\*27 Sep 2016, 01:00 UTC\*\* to \*\*28 Sep 2016, 09:00 UTC\*\* \(1 day 8 h\)\.[\s\S]*Affected: Web app\./,
  );
  const timeline = await section(page, "Timeline").inputValue();
  expect(timeline.split("\n")).toEqual([
    "- **27 Sep 2016, 01:00 UTC** — Investigating: Live deployment completed.",
    "- **27 Sep 2016, 08:45 UTC** — Investigating: Some users cannot sign in. If you are asked to, reset your password; we are investigating.",
    "- **28 Sep 2016, 08:30 UTC** — Identified: We found the cause: production pointed at the wrong database.",
    "- **28 Sep 2016, 08:35 UTC** — Monitoring: Corrected in production at 08:35 GMT.",
    "- **28 Sep 2016, 09:00 UTC** — Resolved: Resolved. Please re-enter changes made between 01:00 GMT on the 27th and 08:30 GMT on the 28th.",
  ]);
  await expect(page.getByRole("complementary", { name: "Preview" })).not.toContainText("Env file");
  // The note is offered, marked, not imported.
  await page.getByText(/Internal notes \(1\)/).click();
  await expect(page.getByText("Env file for prod had the staging DB host.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to timeline, marked" })).toBeVisible();
});

test("writing seed 002's postmortem: sections, action items, live preview, autosaved revisions", async () => {
  await page.getByLabel("Title", { exact: true }).fill("A day to forget yet a day to remember");
  await section(page, "Summary").fill(
    "On 27th September 2016 from 01:00 GMT until 08:30 GMT on 28th September 2016 a deployment of LeaveWizard resulted in users having to change their passwords, and some data was lost.\n\nAs part of migrating to our new infrastructure a configuration setting was incorrectly configured, which pointed our production environment at the wrong database.",
  );
  await section(page, "Root cause").fill(
    "One of the settings, the one that controls which database production points to, was incorrectly set. Data was stored in a **temporary database** rather than the production database that is backed up. Overnight the temporary database was restored to its previous state, and the day's transactions were lost.",
  );
  await section(page, "Detection").fill(
    "The first sign was users having to reset their passwords, which we first put down to the hardware change. It took until 08:30 GMT on the 28th to find the root cause.",
  );
  await section(page, "Resolution and recovery").fill("The setting was corrected in production at 08:35 GMT on the 28th.");
  await section(page, "What we ask you to do").fill(
    "Our backups cover only the live database, so we have no record of events, approvals or other changes made **between 01:00 GMT on 27 September and 08:30 GMT on 28 September**.\n\nPlease check anything you changed in that window and, if it is missing, add it once more.",
  );
  await section(page, "Why it will not happen again").fill(
    "We take looking after your data very seriously. Before any future deployment goes live, automated checks will verify that its configuration is valid for the environment it is deployed to.",
  );
  await page.getByRole("button", { name: "Add action item" }).click();
  await page
    .getByLabel("Action item 1", { exact: true })
    .fill("Verify each environment's configuration automatically before a deployment goes live");
  await page.getByLabel("Owner of action item 1").fill("Platform team");
  await page.getByLabel("State of action item 1").selectOption("in_progress");
  await section(page, "Closing").fill(
    "Thank you for your patience and understanding over the last couple of days.\n\nRich Allen, Co-Founder, LeaveWizard Ltd",
  );
  await page.getByRole("checkbox", { name: "Hide Timeline" }).check();
  await saved(page);

  const preview = page.getByRole("complementary", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("A day to forget yet a day to remember");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText([
    "Summary",
    "Impact",
    "Root cause",
    "Detection",
    "Resolution and recovery",
    "What we ask you to do",
    "Why it will not happen again",
    "Closing",
  ]);
  await expect(preview.getByRole("list", { name: "Action items" })).toContainText("In progress");
  await expect(preview).not.toContainText("Platform team");
  await page.getByRole("checkbox", { name: "Hide Timeline" }).uncheck();
  await saved(page);
  await expect(preview.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await screenshot(page, "postmortem-editor");
});

test("a second editor's save is not overwritten: the conflict is shown with a comparison", async () => {
  // A second tab is a second editor (two operators are in the integration test; sign-ins are rate limited).
  const other = await page.context().newPage();
  try {
    await other.goto(`${incidentUrl}/postmortem`);
    await section(other, "Closing").fill("Thank you for your patience.\n\nRich Allen, Co-Founder, LeaveWizard Ltd");
    await saved(other);
    await section(page, "Detection").fill(
      "Users had to reset their passwords; we first blamed the hardware change. The root cause was found at 08:30 GMT on the 28th.",
    );
    await expect(page.getByRole("heading", { name: "Two people edited this postmortem" })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(/Ada Admin saved revision \d+ at \d\d:\d\d UTC, after the revision you started from/)).toBeVisible();
    await page.getByRole("button", { name: "Compare theirs with mine" }).click();
    const conflict = page.getByRole("region", { name: "Two people edited this postmortem" });
    // From their revision to my text: my Detection added, their Closing undone.
    await expect(conflict.getByRole("region", { name: "Detection" }).locator("ins", { hasText: "blamed" })).toBeVisible();
    await expect(conflict.getByRole("region", { name: "Closing" }).locator("ins", { hasText: "couple of days" })).toBeVisible();
    await screenshot(page, "postmortem-conflict");
    await page.getByRole("button", { name: /^Keep mine as revision \d+$/ }).click();
    await saved(page);
    await expect(page.getByRole("heading", { name: "Two people edited this postmortem" })).toBeHidden();
  } finally {
    await other.close();
  }
});

test("revisions can be compared and restored", async () => {
  await page.reload();
  const revisions = page.getByRole("region", { name: /^Revisions \(\d+\)$/ });
  await revisions.getByRole("link", { name: "Compare with current (revision 1)" }).click();
  await expect(page.getByRole("heading", { name: /Revision 1 → revision \d+/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Summary" }).locator("ins")).toContainText("configuration setting");
  await screenshot(page, "postmortem-compare");
  await page.goto(`${incidentUrl}/postmortem/compare?from=0&to=abc`);
  await expect(page.getByText("From revision starts at 1. To revision: enter a revision number such as 3.")).toBeVisible();

  // Take back "Keep mine": the other operator's revision becomes the newest again; nothing is deleted.
  await page.goto(`${incidentUrl}/postmortem`);
  const current = Number((await page.getByText(/^✓ Revision \d+/).textContent())!.match(/Revision (\d+)/)![1]);
  await revisions.getByRole("button", { name: `Restore revision ${current - 1}` }).click();
  await expect(page.getByText(`Revision ${current - 1} restored as revision ${current + 1}; nothing after it was lost.`)).toBeVisible();
  await expect(section(page, "Detection")).toHaveValue(/^The first sign was users having/);
  await expect(section(page, "Closing")).toHaveValue(/^Thank you for your patience\.\n/);
  await expect(
    revisions.getByRole("row", { name: new RegExp(`^${current + 1}\\s*\\(current\\).*Restored from revision ${current - 1}`) }),
  ).toBeVisible();
});

test("review and publish; customers read it on the status page and in print", async ({ browser }) => {
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published. It is on the status page now.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("readonly", "");

  const incidentId = incidentUrl.split("/").pop()!;
  const api = await page.request.get(`/api/v2/incidents/${incidentId}.json`);
  expect((await api.json()).incident.status).toBe("postmortem");

  await page.goto(`/incidents/${incidentId}`);
  await page.getByRole("link", { name: "read the postmortem" }).click();
  await expect(page).toHaveURL(`/incidents/${incidentId}/postmortem`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A day to forget yet a day to remember");
  await expect(page.getByRole("heading", { name: "What we ask you to do" })).toBeVisible();
  await expect(page.getByText("between 01:00 GMT on 27 September and 08:30 GMT on 28 September")).toBeVisible();
  await expect(page.locator("article")).not.toContainText("Env file");
  await expect(page.locator("article")).not.toContainText("Platform team");
  await expectNoAccessibilityViolations(page);
  await screenshot(page, "postmortem-public");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "postmortem-public-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/history");
  await expect(page.getByRole("link", { name: `Postmortem of ${TITLE}` })).toBeVisible();

  await page.goto(`/incidents/${incidentId}/postmortem`);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = await pdfToPng(browser, pdf, `${SCREENSHOT_DIR}/postmortem-print.png`);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
});

test("unpublishing takes it off the status page, and it can be edited as a new revision", async () => {
  const incidentId = incidentUrl.split("/").pop()!;
  await page.goto(`${incidentUrl}/postmortem`);
  await page.getByRole("button", { name: "Edit as a new revision" }).click();
  await expect(page.getByText(/customers keep reading the published one/)).toBeVisible();
  await expect(page.getByText(/Customers read revision \d+ until you publish again/)).toBeVisible();
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished. Customers no longer see it.")).toBeVisible();
  // The front thread learns of the new snapshot a moment after the action answers: wait for what a reader sees.
  await expect.poll(async () => (await page.request.get(`/incidents/${incidentId}/postmortem`)).status()).toBe(404);
  await expect
    .poll(async () => (await (await page.request.get(`/api/v2/incidents/${incidentId}.json`)).json()).incident.status)
    .toBe("resolved");
});

test("admin pages pass axe in light and dark mode, with a skip link to the main content", async () => {
  test.setTimeout(480_000); // 48 full axe runs
  const incidentId = incidentUrl.split("/").pop()!;
  const pages = [
    "/admin",
    "/admin/incidents",
    "/admin/incidents/new",
    incidentUrl,
    `/admin/incidents/${incidentId}/postmortem`,
    "/admin/maintenance/new",
    "/admin/components",
    "/admin/banner",
    "/admin/banner/snippet",
    "/admin/templates",
    "/admin/customers",
    "/admin/campaigns",
    "/admin/mailbox",
    "/admin/operators",
    "/admin/audit",
    "/admin/settings",
    "/admin/customers/import",
    "/admin/campaigns/new",
    `/admin/incidents/${incidentId}/make-good`,
    "/admin/subscribers",
    "/admin/webhooks",
    "/admin/api-tokens",
    "/admin/alert-rules",
    "/admin/mirror",
  ];
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of pages) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      for (const violation of result.violations) {
        const targets = violation.nodes.map((node) => node.target.join(" ")).slice(0, 3);
        found.push(`${colorScheme} ${path}: ${violation.id} (${violation.nodes.length}) ${targets.join(" | ")}`);
      }
    }
  }
  // Every page and scheme at once, so one run shows everything to fix.
  expect(found).toEqual([]);
  await page.goto("/admin/settings");
  await screenshot(page, "admin-settings-dark");
  await page.goto("/admin/incidents/new");
  await screenshot(page, "admin-declare-dark");
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, "admin-declare-360");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
