import { expect, openAdminPage, screenshot, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("a demoted operator is refused an admin action by the server, not just by a hidden button", async ({ browser }) => {
  const page = await openAdminPage(browser);
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
  // The dev mailbox holds customers' real unsubscribe links: for those who may send campaigns, not viewers.
  expect((await robin.goto("/admin/mailbox"))?.status()).toBe(403);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByText("operator.role_changed")).toBeVisible();
  await screenshot(page, "admin-audit");
  await robinContext.close();
  await page.context().close();
});

test("health reports the embedded database and no pending migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { kind: "embedded" }, migrations: { pending: [] } });
});
