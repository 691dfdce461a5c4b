// `npm run worker`: the outbox worker on its own. Several may run against one
// PostgreSQL (DATABASE_URL); each takes different rows (FOR UPDATE SKIP LOCKED).
import { parseEnv } from "../lib/env";

const env = (() => {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error(`candor worker: ${(error as Error).message}`);
    process.exit(1);
  }
})();
if (!env.DATABASE_URL && !env.CANDOR_EMBEDDED_DATABASE_URL) {
  console.error(
    "candor worker: set DATABASE_URL to the PostgreSQL that Candor uses (the embedded database is reachable only inside `npm start`, which runs a worker itself).",
  );
  process.exit(1);
}
// This worker pushes the mirror: whether public changes queue pushes follows its configuration.
await (await import("../lib/mirror/configure")).configureMirror(env).catch((error: Error) => {
  console.error(`candor worker: could not record the mirror's configuration (${error.message}); retried at the next start.`);
});
const { startOutboxWorker } = await import("../lib/outbox/run-worker");
const worker = startOutboxWorker(env);
let stopping = false;
const shutdown = (signal: string) => {
  // A second signal (npm forwarding the group's) must not kill the worker mid-stop.
  if (stopping) return;
  stopping = true;
  console.log(`candor worker: ${signal}, finishing the messages in flight and giving back the rest…`);
  void worker.stop().then(() => process.exit(0));
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
