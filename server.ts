// Candor's server: `npm start`. Checks the configuration, builds when needed,
// opens the database (starting the embedded PostgreSQL unless DATABASE_URL is
// set), applies migrations, seeds the demo on first run and serves Next.js
// behind the public front server (lib/launcher/serve.ts).
import { EnvError, parseEnv, type Env } from "./lib/env";
import { StartupError } from "./lib/database/embedded/errors";
import { describeDatabaseUrl } from "./lib/database/info";
import { openDatabase, type OpenDatabase } from "./lib/database/open";
import { applyMigrations } from "./lib/database/migrations";
import { isBuildCurrent, runBuild } from "./lib/launcher/build";
import { probeDatabase } from "./lib/database/probe";
import { serve } from "./lib/launcher/serve";

const ROOT = import.meta.dirname;

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!(await isBuildCurrent(ROOT))) {
    console.log("Building Candor for production (first start or changed sources; about a minute)…");
    await runBuild(ROOT);
  }
  const database = await openDatabase(env);
  registerShutdown(database);
  console.log(
    `Database: ${database.kind === "embedded" ? `embedded PostgreSQL, data in ${env.CANDOR_DATA_DIR}` : `PostgreSQL at ${describeDatabaseUrl(database.url)}`}`,
  );
  if (database.kind === "embedded") {
    // Handed to the app (and any worker it starts) through the environment.
    process.env.CANDOR_EMBEDDED_DATABASE_URL = database.url;
    process.env.CANDOR_EMBEDDED_AUTH_SECRET ??= database.generatedAuthSecret!;
  }
  const unreachable = database.kind === "postgresql" ? await probeDatabase(database.url) : null;
  if (unreachable) {
    console.error(
      `candor: the database cannot be reached (${unreachable}). Serving the public page from the last saved snapshot in ${env.CANDOR_DATA_DIR}; retrying every ${RETRY_MS / 1000} s.`,
    );
  } else {
    await prepareDatabase(database, env);
  }
  const { getPublicSnapshotStore } = await import("./lib/public-snapshot");
  const store = getPublicSnapshotStore();
  await store.refresh();
  await serve(env, store, ROOT);
  // Each instance notices another's write within this interval (plus a rebuild).
  const poll = setInterval(() => void store.refresh(), SNAPSHOT_POLL_MS).unref();
  onShutdown.push(() => clearInterval(poll));
  if (unreachable) {
    void retryUntilReachable(database, env);
  } else {
    await startClock();
    await startWorker(env);
  }
  const { hasAnyOperator } = await import("./lib/auth/queries");
  const base = `http://localhost:${env.PORT}`;
  const next = (await hasAnyOperator().catch(() => true))
    ? `Sign in at ${base}/sign-in`
    : `First run: open ${base}/setup to create the first admin.`;
  console.log(`\nCandor is running at ${base}\n${next}`);
}

const SNAPSHOT_POLL_MS = 250;
const RETRY_MS = 5_000;

async function prepareDatabase(database: OpenDatabase, env: Env): Promise<void> {
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (database.kind === "embedded" && env.CANDOR_DEMO) {
    const { seedDemoOnFirstStart } = await import("./lib/demo/seed-demo");
    if (await seedDemoOnFirstStart())
      console.log("Added demo data (remove it from the admin, or set CANDOR_DEMO=0 before the first start).");
  }
}

async function retryUntilReachable(database: OpenDatabase, env: Env): Promise<void> {
  while (await probeDatabase(database.url)) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  await prepareDatabase(database, env);
  console.log("candor: the database is reachable; migrations checked.");
  await startClock();
  await startWorker(env);
}

/** Delivers queued email in this process unless CANDOR_WORKER=0 (then `npm run worker` does). */
async function startWorker(env: Env): Promise<void> {
  if (!env.CANDOR_WORKER) return;
  const { startOutboxWorker } = await import("./lib/outbox/run-worker");
  const stop = startOutboxWorker(env);
  onShutdown.push(stop);
}

const CLOCK_INTERVAL_MS = 15_000;

/** Starts and completes scheduled maintenance by the clock, with nobody present. */
async function startClock(): Promise<void> {
  const { advanceMaintenance } = await import("./lib/incidents/advance-maintenance");
  const { refreshPublicSnapshot } = await import("./lib/public-snapshot");
  const tick = () =>
    advanceMaintenance()
      .then((changed) => (changed > 0 ? refreshPublicSnapshot() : undefined))
      .catch((error: Error) => console.error(`candor: maintenance clock: ${error.message}`));
  await tick();
  setInterval(tick, CLOCK_INTERVAL_MS).unref();
}

/** Run first on SIGINT/SIGTERM, and awaited before the database closes. */
const onShutdown: (() => void | Promise<void>)[] = [];

function registerShutdown(database: OpenDatabase): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Candor…`);
    // The outbox worker finishes the messages in flight and gives back the rest of its claim.
    await Promise.all(onShutdown.map((step) => step())).catch((error) => console.error(error));
    await database.close().catch((error) => console.error(error));
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof StartupError) {
    console.error(`candor: ${error.message}`);
  } else {
    console.error("candor: failed to start:", error);
  }
  process.exit(1);
});
