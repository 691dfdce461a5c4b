// Compiles Candor's own server code to plain JavaScript for `node`: server.ts
// (dist/server.js), the front server thread (dist/front-thread.js), the
// outbox worker (dist/worker.js) and `npm run export` (dist/export.js). esbuild bundles lib/ and the generated
// Prisma client into each; packages stay in node_modules. `npm run build`
// runs it; scripts/start.mjs runs it when the sources are newer than dist/.
// Plain JavaScript itself, so nothing has to compile it first.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const SOURCES = ["server.ts", "scripts/worker.ts", "scripts/export.ts", "lib", "prisma/schema.prisma", "package-lock.json"];
const SKIP = new Set(["node_modules"]);
export const BUNDLES = {
  server: "server.ts",
  "front-thread": "lib/public-cache/front-worker.ts",
  worker: "scripts/worker.ts",
  export: "scripts/export.ts",
};

async function newestMtime(target) {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.filter((entry) => !SKIP.has(entry)).map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when every bundle exists and no source is newer than it. */
export async function isBundleCurrent(root) {
  const built = await Promise.all(Object.keys(BUNDLES).map((name) => stat(path.join(root, "dist", `${name}.js`)).catch(() => null)));
  if (built.some((info) => !info)) return false;
  const newest = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(path.join(root, source))))));
  return newest <= Math.min(...built.map((info) => info.mtimeMs));
}

export async function bundle(root) {
  // esbuild is a devDependency: a deployment installed with --omit=dev runs the bundles built before.
  const esbuild = await import("esbuild").catch(() => null);
  if (!esbuild) {
    throw new Error(
      "Candor's server sources are newer than dist/, and esbuild (a devDependency) is not installed to rebuild it: run `npm ci && npm run build` where dev dependencies are installed.",
    );
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: BUNDLES,
    outdir: "dist",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    // `server-only` throws unless imported under React's server condition (Next's server bundle);
    // the server and the worker are server code outside Next.
    alias: { "server-only": "./scripts/server-only-outside-next.mjs" },
    // A few packages (and Node's own modules) still call require() in ESM output.
    banner: {
      js: 'import { createRequire as __candorCreateRequire } from "node:module"; const require = __candorCreateRequire(import.meta.url);',
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "..");
  await bundle(root).catch((error) => {
    console.error(`candor: ${error.message}`);
    process.exit(1);
  });
}
