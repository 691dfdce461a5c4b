import AxeBuilder from "@axe-core/playwright";
import { ADMIN, expect, screenshot, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("first run: /setup creates the admin, who can sign out; then /setup is gone", async ({ page }) => {
  expect(process.env.CANDOR_E2E_STARTUP_OUTPUT).toContain("/setup to create the first admin");
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
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);

  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
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

test("a wrong password or an unknown email gets the same message", async ({ page }) => {
  await signIn(page, ADMIN.email, "not the password");
  await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
  await signIn(page, "nobody@example.com", "not the password");
  await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
  await screenshot(page, "sign-in-wrong-password");
});

test("a demoted operator is refused an admin action by the server, not just by a hidden button", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Operators" }).click();
  await page.getByLabel("Email").fill("robin@example.com");
  await page.getByLabel("Role").selectOption("admin");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const invitationUrl = await page.getByLabel("Invitation link").inputValue();
  expect(invitationUrl).toMatch(/\/invite\/[\w-]{40,}$/);

  const robinContext = await browser.newContext({ baseURL: process.env.CANDOR_E2E_BASE_URL });
  const robin = await robinContext.newPage();
  await robin.goto(invitationUrl);
  await expect(robin.getByText("You are invited as Admin")).toBeVisible();
  await robin.getByLabel("Your name").fill("Robin");
  await robin.getByLabel("Choose a password").fill("robin's long password");
  await robin.getByLabel("Repeat the password").fill("robin's long password");
  await robin.getByRole("button", { name: "Join" }).click();
  await expect(robin).toHaveURL(/\/admin$/);
  const removeDemo = robin.getByRole("button", { name: "Remove demo data" });
  await expect(removeDemo).toBeVisible();

  await page.reload();
  await page.getByLabel("Role of Robin", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Save role of Robin" }).click();
  await expect(page.getByText("Role saved.")).toBeVisible();
  await expect(page.getByLabel("Role of Robin", { exact: true })).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByLabel("Role of Robin", { exact: true })).toHaveValue("viewer");
  await screenshot(page, "admin-operators");

  // Robin's page still shows the admin button; the server must refuse it.
  await removeDemo.click();
  const confirm = robin.getByRole("dialog", { name: "Remove the demo data?" });
  await expect(confirm).toContainText("This cannot be undone.");
  await confirm.getByRole("button", { name: "Remove demo data" }).click();
  await expect(robin.getByText("Your role (viewer) cannot do this. Ask an admin to change your role.")).toBeVisible();
  await robin.reload();
  await expect(robin.getByText("This page shows demo data")).toBeVisible();
  await expect(robin.getByText("An admin can remove them.")).toBeVisible();
  await robin.goto("/admin/settings");
  await expect(robin.getByText("Only admins can change the settings.")).toBeVisible();
  await expect(robin.getByLabel("Page name")).toBeDisabled();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByText("operator.role_changed")).toBeVisible();
  await screenshot(page, "admin-audit");
  await robinContext.close();
});

test("the public status page shows the demo components, is accessible and works on a phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All systems operational/);
  await expect(page.getByRole("region", { name: "Core platform" }).getByText("API", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Elevated error rates on the API", exact: true })).toBeVisible();
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test("health reports the embedded database and no pending migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { kind: "embedded" }, migrations: { pending: [] } });
});
