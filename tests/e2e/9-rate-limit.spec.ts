import { ADMIN, expect, signIn, test } from "./fixtures";

// The last file: it uses up this address's sign-in allowance.
test("repeated sign-in failures are rate-limited with a clear message", async ({ page }) => {
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
});
