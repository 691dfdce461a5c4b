// Candor's server: `npm start` (and `npm run dev`). scripts/start.mjs runs it
// as dist/server.js, bundled by esbuild (scripts/bundle.mjs), with node. It
// checks the configuration, builds Next.js when needed, opens the database
// (starting the embedded PostgreSQL unless DATABASE_URL is set), applies
// migrations, seeds the demo on first run, provides the in-process services
// to Next.js's code (lib/runtime/services.ts) and serves Next.js behind the
// public front server (lib/launcher/serve.ts). SIGTERM or SIGINT stops every
// part, the embedded PostgreSQL last.
import { EnvError, parseEnv, type Env } from "./lib/env";
import { StartupError } from "./lib/database/embedded/errors";
import { describeDatabaseUrl } from "./lib/database/info";
import { openDatabase, type OpenDatabase } from "./lib/database/open";
import { applyMigrations, MigrationError } from "./lib/database/apply-migrations";
import { isBuildCurrent, runBuild } from "./lib/launcher/build";
import { checkDataDirectory, describeFileError, isDataDirectoryError } from "./lib/launcher/data-directory";
import { probeDatabase } from "./lib/database/probe";
import { serve } from "./lib/launcher/serve";
import { provide, withdraw } from "./lib/runtime/services";

// scripts/start.mjs changes to the package's directory first, as npm does.
const ROOT = process.cwd();
/** `npm run dev`: Next's dev server (hot reload), no production build, no front cache. */
const DEV = process.argv.includes("dev");

async function main(): Promise<void> {
  const parsed = parseEnv(process.env);
  dataDir = parsed.CANDOR_DATA_DIR;
  await checkDataDirectory(dataDir);
  // For Next.js, which reads it itself (there is no network to send telemetry to).
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!DEV && !(await isBuildCurrent(ROOT))) {
    console.log("Building Candor for production (first start or changed sources; about a minute)…");
    await runBuild(ROOT);
  }
  const database = await openDatabase(parsed);
  shutdownSteps.push(() => database.close());
  console.log(
    `Database: ${database.kind === "embedded" ? `embedded PostgreSQL, data in ${parsed.CANDOR_DATA_DIR}` : `PostgreSQL at ${describeDatabaseUrl(database.url)}`}`,
  );
  // The configuration every part of this process uses (Next's code included), the embedded database's filled in.
  const env: Env =
    database.kind === "embedded"
      ? {
          ...parsed,
          CANDOR_EMBEDDED_DATABASE_URL: database.url,
          CANDOR_EMBEDDED_AUTH_SECRET: parsed.CANDOR_EMBEDDED_AUTH_SECRET ?? database.generatedAuthSecret!,
        }
      : parsed;
  provide("env", env);
  if (database.supervision) provide("embeddedDatabase", database.supervision);
  const unreachable = database.kind === "postgresql" ? await probeDatabase(database.url) : null;
  if (unreachable) {
    console.error(
      `candor: the database cannot be reached (${unreachable}). Serving the public page from the last saved snapshot in ${env.CANDOR_DATA_DIR}; retrying every ${RETRY_MS / 1000} s.`,
    );
  } else {
    await prepareDatabase(database, env);
  }
  const { createPublicSnapshotStore } = await import("./lib/public-snapshot");
  const store = createPublicSnapshotStore();
  provide("snapshotStore", store);
  await store.refresh();
  const serving = await serve(env, store, ROOT, { dev: DEV });
  shutdownSteps.push(() => serving.close());
  // Each instance notices another's write by NOTIFY, polling only while its listening connection is down.
  const { SnapshotWatcher } = await import("./lib/public-snapshot/watch");
  const watcher = new SnapshotWatcher(store, database.url);
  shutdownSteps.push(() => watcher.close());
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
  console.log(`\nCandor is running at ${base}${DEV ? " (development: hot reload)" : ""}\n${next}`);
}

/** For start-up errors: CANDOR_DATA_DIR once parsed. */
let dataDir: string | undefined;
const RETRY_MS = 5_000;

async function prepareDatabase(database: OpenDatabase, env: Env): Promise<void> {
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  // Processes that push decide whether changes queue pushes: not a CANDOR_WORKER=0 instance (npm run export's private one).
  if (env.CANDOR_WORKER) await (await import("./lib/mirror/configure")).configureMirror(env);
  const sealed = await (await import("./lib/webhooks/seal-stored-secrets")).sealStoredWebhookSecrets();
  if (sealed) console.log(`Encrypted the signing secrets of ${sealed} webhook(s) stored before secrets were encrypted.`);
  if (database.kind === "embedded" && env.CANDOR_DEMO) {
    const { seedDemoOnFirstStart } = await import("./lib/demo/seed-demo");
    if (await seedDemoOnFirstStart())
      console.log("Added demo data (remove it from the admin, or set CANDOR_DEMO=0 before the first start).");
  }
}

async function retryUntilReachable(database: OpenDatabase, env: Env): Promise<void> {
  while (await probeDatabase(database.url)) {
    if (stopping) return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
  }
  if (stopping) return;
  await prepareDatabase(database, env);
  console.log("candor: the database is reachable; migrations checked.");
  await startClock();
  await startWorker(env);
}

/** Delivers queued email in this process unless CANDOR_WORKER=0 (then `npm run worker` does). */
async function startWorker(env: Env): Promise<void> {
  if (!env.CANDOR_WORKER || stopping) return;
  const { startOutboxWorker } = await import("./lib/outbox/run-worker");
  const worker = startOutboxWorker(env);
  provide("outboxWorker", worker);
  // Stopped before the database: it finishes (or gives back) the rows it claimed.
  shutdownSteps.push(async () => {
    withdraw("outboxWorker");
    await worker.stop();
  });
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
  const clock = setInterval(tick, CLOCK_INTERVAL_MS).unref();
  shutdownSteps.push(async () => clearInterval(clock));
}

/**
 * What stops Candor, in start order; run last-first on SIGINT/SIGTERM, so the
 * embedded PostgreSQL (opened first) stops last, after the worker released
 * its rows and Next and the front thread stopped answering.
 */
const shutdownSteps: (() => Promise<void>)[] = [];
let stopping = false;
/** Within what Docker and systemd wait (10 s) before SIGKILL, with a margin. */
const SHUTDOWN_LIMIT_MS = 8_000;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Candor…`);
  setTimeout(() => {
    console.error(`candor: not stopped within ${SHUTDOWN_LIMIT_MS / 1000} s; exiting.`);
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  for (const step of shutdownSteps.reverse()) {
    await step().catch((error: unknown) => console.error(`candor: while stopping: ${(error as Error).message ?? error}`));
  }
  console.log("Candor stopped.");
  process.exit(0);
}

// `on`, not `once`: a signal sent to the process group reaches node twice
// (directly, and forwarded by npm); with `once` the second would kill node
// mid-stop and leave the embedded PostgreSQL running. shutdown() runs once.
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error: unknown) => {
  if (error instanceof EnvError || error instanceof StartupError || error instanceof MigrationError) {
    console.error(`candor: ${error.message}`);
  } else if (dataDir && isDataDirectoryError(error, dataDir)) {
    // A full or read-only disk found later in the start (the embedded cluster, a saved file).
    console.error(`candor: ${describeFileError(error, dataDir)}`);
  } else {
    console.error("candor: failed to start:", error);
  }
  // Whatever started (the embedded PostgreSQL) stops before exiting.
  for (const step of shutdownSteps.reverse()) await step().catch(() => {});
  process.exit(1);
});
