// Candor's server: `npm start`. Checks the configuration, builds when needed,
// opens the database (starting the embedded PostgreSQL unless DATABASE_URL is
// set), applies migrations, seeds the demo on first run and serves Next.js.
import http from "node:http";
import { EnvError, parseEnv, type Env } from "./lib/env";
import { StartupError } from "./lib/database/embedded/errors";
import { describeDatabaseUrl } from "./lib/database/describe-url";
import { openDatabase, type OpenDatabase } from "./lib/database/open";
import { applyMigrations } from "./lib/database/migrations";
import { isBuildCurrent, runBuild } from "./lib/launcher/build";
import { CLIENT_IP_HEADER } from "./lib/auth/client-ip";

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
  console.log(`Database: ${database.kind === "embedded" ? `embedded PostgreSQL, data in ${env.CANDOR_DATA_DIR}` : `PostgreSQL at ${describeDatabaseUrl(database.url)}`}`);
  if (database.kind === "embedded") {
    // Handed to the app (and any worker it starts) through the environment.
    process.env.CANDOR_EMBEDDED_DATABASE_URL = database.url;
    process.env.CANDOR_EMBEDDED_AUTH_SECRET ??= database.generatedAuthSecret!;
  }
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (database.kind === "embedded" && env.CANDOR_DEMO) {
    const { seedDemoOnFirstStart } = await import("./lib/demo/seed-demo");
    if (await seedDemoOnFirstStart()) console.log("Added demo data (remove it from the admin, or set CANDOR_DEMO=0 before the first start).");
  }
  await serve(env);
  await startClock();
  const { hasAnyOperator } = await import("./lib/auth/queries");
  const base = `http://localhost:${env.PORT}`;
  const next = (await hasAnyOperator()) ? `Sign in at ${base}/sign-in` : `First run: open ${base}/setup to create the first admin.`;
  console.log(`\nCandor is running at ${base}\n${next}`);
}

async function serve(env: Env): Promise<void> {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: ROOT, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { answerBannerRequest } = await import("./lib/banner/node-handler");
  const server = http.createServer((request, response) => {
    // Login pages everywhere poll the banner: answer it without Next's per-request cost.
    if (answerBannerRequest(request, response)) return;
    request.headers[CLIENT_IP_HEADER] = clientIp(request, env.TRUST_PROXY);
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new StartupError(`Port ${env.PORT} is in use. Stop what uses it or set PORT, e.g. PORT=3001 npm start.`) : error),
    );
    server.listen(env.PORT, env.HOST, resolve);
  });
}

const CLOCK_INTERVAL_MS = 15_000;

/** Starts and completes scheduled maintenance by the clock, with nobody present. */
async function startClock(): Promise<void> {
  const { advanceMaintenance } = await import("./lib/incidents/advance-maintenance");
  const tick = () => advanceMaintenance().catch((error: Error) => console.error(`candor: maintenance clock: ${error.message}`));
  await tick();
  setInterval(tick, CLOCK_INTERVAL_MS).unref();
}

function clientIp(request: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(request.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
  return forwarded || request.socket.remoteAddress || "unknown";
}

function registerShutdown(database: OpenDatabase): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Candor…`);
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

