// `npm run export -- <folder>`: writes the static mirror (every public page,
// feed and JSON endpoint, and the files they load) to a folder laid out by
// URL path, for nginx, GitHub Pages or any CDN. Renders from the Candor
// running on PORT, or starts one privately over the same data directory.
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { provide } from "../lib/runtime/services";
import { openLocalCandor } from "../lib/mirror/local-candor";
import { runScript } from "./run-script";

const ROOT = path.resolve(import.meta.dirname, "..");

await runScript(async () => {
  const folder = process.argv[2];
  if (!folder || folder.startsWith("-")) throw new EnvError("Name the folder to write to: npm run export -- ./mirror");
  const env = parseEnv(process.env);
  const candor = await openLocalCandor(env, ROOT, (line) => console.log(line));
  try {
    provide("env", { ...env, CANDOR_EMBEDDED_DATABASE_URL: env.DATABASE_URL ? undefined : candor.databaseUrl });
    const { exportMirror } = await import("../lib/mirror/export-mirror");
    const result = await exportMirror(path.resolve(folder), candor.origin);
    console.log(`Wrote ${result.written} files to ${path.resolve(folder)} (removed ${result.removed} no longer published).`);
  } finally {
    await candor.close();
  }
  // The database pool keeps the event loop alive.
  process.exit(process.exitCode ?? 0);
});
