// Starts Candor as `npm start` would (production build, embedded PostgreSQL)
// on a free port with a fresh data directory, shared by the e2e files; creates
// the admin once and stores its session (ADMIN_STATE) for every spec to reuse.
// Specs that need a fresh instance (first run, rate limits) start their own.
import { chromium, type FullConfig } from "@playwright/test";
import { ADMIN_STATE, createFirstAdmin } from "./fixtures";
import { startOwnCandor } from "./support/candor-process";

export default async function globalSetup(config: FullConfig) {
  const candor = await startOwnCandor();
  process.env.CANDOR_E2E_BASE_URL = candor.baseUrl;
  try {
    const browser = await chromium.launch(config.projects[0]!.use.launchOptions);
    try {
      const context = await browser.newContext({ baseURL: candor.baseUrl });
      await createFirstAdmin(await context.newPage());
      await context.storageState({ path: ADMIN_STATE });
    } finally {
      await browser.close();
    }
  } catch (error) {
    await candor.stop();
    throw error;
  }
  return () => candor.stop();
}
