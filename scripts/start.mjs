// `npm start`, `npm run dev`, `npm run worker`, `npm run export`: runs Candor's
// compiled server (dist/server.js), outbox worker (dist/worker.js) or
// export (dist/export.js) in this same node process,
// so the signals Docker, systemd or Ctrl+C send reach it directly. Recompiles
// dist/ first when Candor's sources are newer (scripts/bundle.mjs).
import path from "node:path";
import { bundle, isBundleCurrent } from "./bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Candor finds its files (prisma/, emails/, .next/) from here, as under npm.
process.chdir(root);
if (!(await isBundleCurrent(root))) {
  await bundle(root).catch((error) => {
    console.error(`candor: ${error.message}`);
    process.exit(1);
  });
}
const SCRIPTS = { worker: "../dist/worker.js", export: "../dist/export.js" };
const script = SCRIPTS[process.argv[2]];
// The script sees its own arguments where it would under tsx: `export <folder>` → `<folder>`.
if (script) process.argv.splice(2, 1);
await import(script ?? "../dist/server.js");
