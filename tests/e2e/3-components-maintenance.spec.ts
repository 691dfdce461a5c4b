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

test("components are added, grouped, reordered without numbers and set by hand", async () => {
  await page.goto("/admin/components");
  await page.getByLabel("New group").fill("Payments");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText("Group added.")).toBeVisible();
  await page.reload();
  const addPanel = page.getByRole("region", { name: "Add a component" });
  await addPanel.getByLabel("Name", { exact: true }).fill("Card processing");
  await addPanel.getByLabel("Group", { exact: true }).selectOption({ label: "Payments" });
  await addPanel.getByRole("button", { name: "Add component" }).click();
  await expect(page.getByText("Component added.")).toBeVisible();
  await page.reload();
  // Payments was the last group: moving it up is answered by its "down" button coming alive.
  await expect(page.getByRole("button", { name: "Move Payments down" })).toBeDisabled();
  await page.getByRole("button", { name: "Move Payments up" }).click();
  await expect(page.getByRole("button", { name: "Move Payments down" })).toBeEnabled();

  await page.goto("/");
  const groups = page.getByRole("region", { name: /^(Core platform|Payments|Integrations)$/ });
  await expect(groups).toHaveCount(3);
  expect(await groups.evaluateAll((sections) => sections.map((section) => section.getAttribute("aria-label")))).toEqual([
    "Core platform",
    "Payments",
    "Integrations",
  ]);

  await page.goto("/admin/components");
  await page.getByLabel("Status of Card processing", { exact: true }).selectOption("degraded_performance");
  await page.getByRole("button", { name: "Set status of Card processing" }).click();
  await expect(page.getByText("Status changed.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Minor service disruption/);
  await expect(page.getByRole("region", { name: "Payments" })).toContainText("Degraded performance");

  await page.goto("/admin/components");
  await page.getByLabel("Status of Card processing", { exact: true }).selectOption("operational");
  await page.getByRole("button", { name: "Set status of Card processing" }).click();
  await expect(page.getByText("Status changed.")).toBeVisible();
});

test("maintenance scheduled for tomorrow shows as upcoming; a window ending before it starts is refused", async () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto("/admin/maintenance/new");
  await page.getByLabel("Title").fill("Card processor upgrade");
  await page.getByLabel("Starts (UTC)").fill(`${tomorrow}T03:00`);
  await page.getByLabel("Ends (UTC)").fill(`${tomorrow}T02:00`);
  await page.getByLabel(/Card processing/).check();
  await page.getByLabel("Message to customers").fill("Payments may be delayed for up to 10 minutes.");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("The window must end after it starts.")).toBeVisible();
  // What was typed survives the refusal.
  await expect(page.getByLabel("Title")).toHaveValue("Card processor upgrade");

  await page.getByLabel("Ends (UTC)").fill(`${tomorrow}T04:00`);
  await page.getByLabel(/Card processing/).check();
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByRole("heading", { name: "Card processor upgrade" })).toBeVisible();

  await page.goto("/");
  const maintenance = page.getByRole("region", { name: "Maintenance" });
  await expect(maintenance.getByText("Card processor upgrade")).toBeVisible();
  await expect(maintenance.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All systems operational/);
  await screenshot(page, "public-upcoming-maintenance");
});

test("declaring without a title or message says what is missing and creates nothing", async () => {
  await page.goto("/admin/incidents");
  const before = await page.getByRole("listitem").count();
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Started at (UTC)").fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Declare incident" }).last().click();
  // Every problem at once, and focus on the first.
  await expect(page.getByText("Enter a title that says what customers notice")).toBeVisible();
  await expect(page.getByText("Write what customers should know")).toBeVisible();
  await expect(page.getByText("An update cannot be in the future.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title")).toBeFocused();
  await page.goto("/admin/incidents");
  await expect(page.getByRole("listitem")).toHaveCount(before);
});
