// `npm start`, `npm run dev`, `npm run worker`: runs Candor's compiled server
// (dist/server.js) or outbox worker (dist/worker.js) in this same node process,
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
await import(process.argv[2] === "worker" ? "../dist/worker.js" : "../dist/server.js");
