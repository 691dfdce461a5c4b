// Starts Candor as `npm start` would (production build, embedded PostgreSQL)
// on a free port with a fresh data directory, for the whole e2e run.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCandorProcess } from "./support/candor-process";

export default async function globalSetup() {
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-e2e-"));
  await chmod(root, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, CANDOR_DATA_DIR: path.join(root, "data") };
  delete env.DATABASE_URL; // always the embedded database, as a new user gets it
  const candor = await startCandorProcess(env);
  process.env.CANDOR_E2E_BASE_URL = candor.baseUrl;
  process.env.CANDOR_E2E_STARTUP_OUTPUT = candor.output();
  return async () => {
    await candor.stop();
    await rm(root, { recursive: true, force: true });
  };
}
