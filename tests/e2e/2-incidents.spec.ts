import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openAdminPage, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const DAY = 86_400_000;

/** `datetime-local` text for a UTC instant (the forms read times as UTC). */
function utcInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await openAdminPage(browser);
});

test.afterAll(async () => {
  await page.context().close();
});

test("an operator declares an incident from one screen and the status page shows it at once", async () => {
  await page.getByRole("link", { name: "Declare incident" }).click();
  await page.getByLabel("Title").fill("Sign-in failing for some users");
  await page.getByRole("radio", { name: "Major" }).check();
  await page.getByLabel("API", { exact: true }).selectOption("partial_outage");
  await page.getByLabel("First message to customers").fill("Some sign-ins fail with an error. We are **investigating**.");
  await page.getByLabel("Started at (UTC)").fill(utcInput(new Date(Date.now() - 10 * 60_000)));
  await screenshot(page, "admin-declare");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Partial system outage/);
  const active = page.getByRole("region", { name: "Active incidents" });
  await expect(active.getByText("Sign-in failing for some users")).toBeVisible();
  // When it was posted, as an age the browser keeps fresh, with the UTC time on hover; "Since" stays.
  const updated = active.locator("time", { hasText: /min ago$/ });
  await expect(updated).toHaveText(/^1[01] min ago$/);
  await expect(updated).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(active).toContainText(/Updated 1[01] min ago/);
  await expect(active).toContainText("Since");

  // The Overview lists it, with how long customers have waited for news.
  await page.goto("/admin");
  const open = page.getByRole("region", { name: "Open incidents" });
  await expect(open.getByRole("link", { name: "Sign-in failing for some users" })).toBeVisible();
  await expect(open).toContainText(/Last public update 1[01] min ago/);
  await expect(open).not.toContainText("customers were promised one");
});

test("updates, one backdated, and an internal note: customers see the updates in time order and never the note", async () => {
  await page.goto("/admin/incidents");
  await page.getByRole("link", { name: "Sign-in failing for some users" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\w+$/);
  const incidentUrl = page.url();

  await page.getByLabel("Status", { exact: true }).selectOption("identified");
  await page.getByLabel("Message to customers").fill("A bad deploy broke session cookies. Rolling back.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted. It is on the status page now.")).toBeVisible();

  await page.reload();
  await page.getByLabel("Status", { exact: true }).selectOption("investigating");
  await page.getByLabel("Message to customers").fill("Earlier: error rates on sign-in started rising.");
  await page.getByLabel("Time (UTC)").fill(utcInput(new Date(Date.now() - 5 * 60_000)));
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted. It is on the status page now.")).toBeVisible();

  await page.getByLabel("Note (operators only)").fill("Suspect the cache cluster; paging Sam.");
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.getByText("Internal note added. Customers do not see it.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("paragraph").filter({ hasText: "Suspect the cache cluster; paging Sam." })).toBeVisible();
  await screenshot(page, "admin-incident");

  const publicUrl = incidentUrl.replace("/admin/incidents/", "/incidents/");
  await page.goto(publicUrl);
  const timeline = page.getByRole("list").filter({ hasText: "Rolling back" });
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  await expect(timeline.getByRole("listitem").nth(0)).toContainText("Identified");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Earlier: error rates");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("We are investigating");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText(/posted [56] min ago/);
  await expect(page.getByText("Identified", { exact: true }).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText("paging Sam");
  await page.goto("/");
  await expect(page.locator("body")).not.toContainText("paging Sam");
});

test("resolving returns the component to operational and moves the incident to history", async () => {
  await page.goto("/admin/incidents");
  await page.getByRole("link", { name: "Sign-in failing for some users" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\w+$/);
  await page.getByLabel("Status", { exact: true }).selectOption("resolved");
  await page.getByLabel("Message to customers").fill("Fixed: the deploy is rolled back and sign-ins work.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("This incident is resolved. Internal notes can still be added.")).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All systems operational/);
  await expect(page.getByRole("region", { name: "Active incidents" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Past incidents" }).getByText("Sign-in failing for some users")).toBeVisible();
  await page.goto("/history");
  await expect(page.getByRole("link", { name: "Sign-in failing for some users" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("paging Sam");
});

test("seed 002's timeline, entered after the fact, reads right with the outage on the right days", async () => {
  const now = Date.now();
  const dayOf = (offset: number) => new Date(now - offset * DAY).toISOString().slice(0, 10);
  const start = new Date(`${dayOf(3)}T01:00:00Z`);
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill("A day to forget yet a day to remember");
  await page.getByRole("radio", { name: "Critical" }).check();
  await page.getByLabel("Web app", { exact: true }).selectOption("major_outage");
  await page.getByLabel("First message to customers").fill("A deploy pointed production at a temporary database.");
  await page.getByLabel("Started at (UTC)").fill(utcInput(start));
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();
  // Its only public update is days old: the Overview flags it.
  const incidentPage = page.url();
  await page.goto("/admin");
  const row = page.getByRole("region", { name: "Open incidents" }).getByRole("listitem").filter({ hasText: "A day to forget" });
  await expect(row).toContainText("No update for 30 min: customers were promised one");
  await screenshot(page, "admin-overview-open-incidents");
  await page.goto(incidentPage);

  const post = async (status: string, message: string, at: string, webApp?: string) => {
    await page.getByLabel("Status", { exact: true }).selectOption(status);
    await page.getByLabel("Message to customers").fill(message);
    await page.getByLabel("Time (UTC)").fill(at);
    if (webApp) await page.getByLabel("Web app", { exact: true }).selectOption(webApp);
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText(/Update posted|This incident is resolved/).first()).toBeVisible();
    await page.reload();
  };
  await post("identified", "We understand the problem: the wrong database since 01:00 GMT on the 27th.", `${dayOf(2)}T08:30`);
  await post("monitoring", "Fixed at 08:35 GMT. Watching closely.", `${dayOf(2)}T08:35`, "operational");
  await post(
    "resolved",
    "Resolved. Please re-enter anything you changed between 01:00 GMT on the 27th and 08:30 GMT on the 28th.",
    `${dayOf(2)}T09:00`,
  );

  await page.goto("/");
  const webApp = page.getByRole("group", { name: "Uptime of Web app, day by day" });
  await expect(webApp).toHaveAccessibleDescription(
    new RegExp(`${dayOf(3)}: Major outage.*A day to forget yet a day to remember.*${dayOf(2)}: Major outage`),
  );
  // Keyboard: focus the strip (today), one day back.
  await webApp.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(webApp.getByText(`${dayOf(1)}: No downtime, 100 % uptime`)).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(webApp.getByText(`${dayOf(3)}: Major outage`)).toBeVisible();
  await screenshot(page, "public-uptime-tooltip");
  await webApp.blur();
  await expectNoAccessibilityViolations();
  await screenshot(page, "public-light");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "public-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, "public-360");
  // On a phone the strip shows 30 days, and each day's details stay on the screen.
  await webApp.focus();
  await page.keyboard.press("Home");
  const tooltip = webApp.locator(".uptime-tooltip");
  for (let ago = 29; ago >= 0; ago--) {
    await expect(tooltip).toHaveText(new RegExp(`^${dayOf(ago)}: `));
    const box = (await tooltip.boundingBox())!;
    expect({ ago, left: box.x >= 0, right: box.x + box.width <= 360 }).toEqual({ ago, left: true, right: true });
    await page.keyboard.press("ArrowRight");
  }
  await screenshot(page, "public-360-uptime-tooltip");
  await webApp.blur();
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("link", { name: "A day to forget yet a day to remember" }).click();
  await expect(page.getByText("1 day 8 h")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Fixed at 08:35 GMT" })).toContainText("Web app: Operational");
  await expectNoAccessibilityViolations();
  await screenshot(page, "public-incident");
  await page.goto("/history");
  await expect(page.getByRole("link", { name: "A day to forget yet a day to remember" })).toBeVisible();
  await expectNoAccessibilityViolations();
  await screenshot(page, "public-history");
});

async function expectNoAccessibilityViolations(): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}
