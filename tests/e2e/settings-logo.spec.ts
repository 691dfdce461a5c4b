// Admin → Settings → Logo: an admin uploads a light and a dark PNG, the public
// header shows the right one for the reader's colour scheme (served by the
// front server with its type and nosniff), a non-image is refused with a
// message, and removing the logos brings the page name back.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makePng } from "../support/png";
import { expect, openAdminPage, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await openAdminPage(browser);
});

test.afterAll(async () => {
  await admin.context().close();
});

// Wide marks with a stripe: light has a blue band on white, dark a pale band on navy.
const LIGHT_PNG = makePng(240, 60, [255, 255, 255], [29, 78, 216]);
const DARK_PNG = makePng(240, 60, [15, 23, 42], [191, 219, 254]);

async function uploadLogo(variant: "light" | "dark", file: { name: string; mimeType: string; buffer: Buffer }) {
  await admin.goto("/admin/settings");
  await admin.getByLabel(`Upload a ${variant} logo`).setInputFiles(file);
  const section = admin.locator("section", { has: admin.getByLabel(`Upload a ${variant} logo`) }).last();
  await section.getByRole("button", { name: "Upload", exact: true }).click();
}

test("an admin uploads a light and a dark logo and the public header shows them", async ({ page, request }) => {
  await uploadLogo("light", {
    name: "leavely.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  await expect(admin.getByRole("status").filter({ hasText: "The logo was not uploaded." })).toBeVisible();
  await expect(admin.getByLabel("Upload a light logo")).toHaveAccessibleDescription(
    /The logo must be a PNG or WebP image \(SVG is not accepted: export it as PNG\)\./,
  );

  await uploadLogo("light", { name: "leavely.png", mimeType: "image/png", buffer: LIGHT_PNG });
  await expect(admin.getByText("Logo uploaded.")).toBeVisible();
  await uploadLogo("dark", { name: "leavely-dark.png", mimeType: "image/png", buffer: DARK_PNG });
  await expect(admin.getByText("Logo uploaded.")).toBeVisible();
  await expect(admin.getByRole("img", { name: "Current dark logo" })).toBeVisible();
  await screenshot(admin, "settings-logo-admin");

  const pageName = (await admin.getByLabel("Page name").inputValue()).trim();
  await page.goto("/");
  const logo = page.getByRole("link").getByRole("img", { name: pageName });
  await expect(logo).toHaveAttribute("src", /^\/logo\/light\?v=[0-9a-f]{16}$/);
  await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(240);
  expect(await logo.evaluate((image: HTMLImageElement) => image.currentSrc)).toContain("/logo/light?v=");
  await screenshot(page, "public-header-logo-light");

  const served = await request.get((await logo.getAttribute("src"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=31536000, immutable",
  });
  expect(Buffer.from(await served.body()).equals(LIGHT_PNG)).toBe(true);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.currentSrc)).toContain("/logo/dark?v=");
  await screenshot(page, "public-header-logo-dark");
  expect((await new AxeBuilder({ page }).include("header").analyze()).violations.map((violation) => violation.id)).toEqual([]);

  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  const box = (await logo.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await screenshot(page, "public-header-logo-360");
});

test("removing the logos brings the page name back in the header", async ({ page }) => {
  await admin.goto("/admin/settings");
  await admin.getByRole("button", { name: "Remove the dark logo" }).click();
  await expect(admin.getByText("Logo removed.")).toBeVisible();
  await admin.getByRole("button", { name: "Remove the light logo" }).click();
  await expect(admin.getByRole("button", { name: "Remove the light logo" })).toHaveCount(0);
  const pageName = (await admin.getByLabel("Page name").inputValue()).trim();
  await page.goto("/");
  await expect(page.locator("header").getByText(pageName, { exact: true })).toBeVisible();
  await expect(page.locator("header img")).toHaveCount(0);
});
