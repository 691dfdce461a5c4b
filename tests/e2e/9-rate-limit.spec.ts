// Sign-in rate limiting, on a Candor of its own: the failures it needs use up
// the address's allowance, which no other spec may depend on.
import { ADMIN, createFirstAdmin, expect, signIn, test } from "./fixtures";
import { startOwnCandor, type CandorProcess } from "./support/candor-process";

let candor: CandorProcess;

test.beforeAll(async () => {
  candor = await startOwnCandor();
});

test.afterAll(async () => {
  await candor?.stop();
});

test("repeated sign-in failures are rate-limited with a clear message", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: candor.baseUrl });
  const page = await context.newPage();
  await createFirstAdmin(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const status = page.getByRole("status");
  let attempts = 0;
  for (; attempts < 10; attempts++) {
    await signIn(page, ADMIN.email, `wrong password ${attempts}`);
    await expect(status).not.toHaveText("");
    if ((await status.textContent())?.startsWith("Too many")) break;
  }
  await expect(status).toHaveText("Too many sign-in attempts. Wait a minute, then try again.");
  expect(attempts).toBeLessThanOrEqual(6);
  // Even the right password waits out the window.
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(status).toHaveText(/Too many sign-in attempts/);
  await context.close();
});
