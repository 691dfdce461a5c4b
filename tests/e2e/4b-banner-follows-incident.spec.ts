import type { APIRequestContext, Page } from "@playwright/test";
import { expect, openAdminPage, screenshot, test } from "./fixtures";

// Seed 002's banner, kept with the incident: set when declaring, amended from
// an update, cleared on resolution; never silently taken by a second incident.
test.describe.configure({ mode: "serial" });

let page: Page;
const TITLE = "Leave requests failing";

test.beforeAll(async ({ browser }) => {
  page = await openAdminPage(browser);
});

test.afterAll(async () => {
  await page.context().close();
});

const bannerMessage = async (request: APIRequestContext) => {
  const body = await (await request.get("/api/banner")).json();
  return body.banner ? `${body.banner.severity}: ${body.banner.message_text}` : null;
};

test("declaring a major incident suggests a critical banner and asks before replacing the one showing", async ({ request }) => {
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("radio", { name: "Major" }).check();
  await page.getByLabel("First message to customers").fill("Some leave requests fail to save. We are investigating.");
  await expect(page.getByLabel("Banner severity")).toHaveValue("critical");
  // 4-banner.spec.ts left a banner showing, linked to no incident.
  await expect(page.getByText(/The sign-in banner now shows \(warning\): “Careful/)).toBeVisible();
  await page.getByLabel("Also set the sign-in banner").check();
  await expect(page.getByLabel("Banner message")).toHaveValue("Some leave requests fail to save. We are investigating.");
  await page.getByLabel("Banner message").fill("Leave requests may fail to save. We are on it.");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText(/Tick “Replace that banner” to replace it/)).toBeVisible();
  await page.getByLabel("Replace that banner").check();
  await screenshot(page, "admin-declare-banner");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Declared. It is on the status page now.")).toBeVisible();
  await expect.poll(() => bannerMessage(request)).toBe("critical: Leave requests may fail to save. We are on it.");
});

test("an update amends the banner it owns, prefilled from the update, and resolving clears it", async ({ request }) => {
  await page.reload();
  await expect(page.getByLabel("Also update the sign-in banner")).toBeChecked();
  await page.getByLabel("Status", { exact: true }).selectOption("identified");
  await page.getByLabel("Message to customers").fill("Requests made since 01:00 may need to be entered again.");
  await expect(page.getByLabel("Banner message")).toHaveValue("Requests made since 01:00 may need to be entered again.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted. It is on the status page now.")).toBeVisible();
  await expect.poll(() => bannerMessage(request)).toBe("critical: Requests made since 01:00 may need to be entered again.");

  await page.reload();
  await page.getByLabel("Status", { exact: true }).selectOption("resolved");
  await expect(page.getByText(/now shows \(critical\): “Requests made since 01:00.*”, linked to this incident/)).toBeVisible();
  await expect(page.getByLabel("Clear the banner")).toBeChecked();
  await screenshot(page, "admin-resolve-clear-banner");
  await page.getByLabel("Message to customers").fill("Resolved.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("This incident is resolved. Internal notes can still be added.")).toBeVisible();
  await expect.poll(() => bannerMessage(request)).toBeNull();
});

test("the banner history names the incident by title, and the preview links the status page as the real banner does", async () => {
  await page.goto("/admin/banner");
  await expect(page.getByText(`— → ${TITLE}`).first()).toBeVisible();
  await page.goto("/admin/incidents");
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: "Set banner from this incident" }).click();
  await expect(page.locator("candor-banner").getByRole("link", { name: "Status page" })).toHaveAttribute("href", /\/incidents\/\w+$/);
});
