// Generates the Prisma client (lib/generated/prisma) offline, at install
// (postinstall) and with `npm run db:generate`. The CLI wants a native
// schema-engine binary it would download; generating does not use it, so any
// existing file satisfies the check (the build machines cannot reach Prisma's
// binaries host; the query side needs no native engine in Prisma 7). The CLI is a devDependency: the client is needed
// to build, and the build (dist/, .next/) carries it; an install with
// --omit=dev runs a build made before and skips this.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("node_modules/prisma/package.json")) {
  console.log("candor: the prisma CLI (a devDependency) is not installed; not generating the Prisma client (only a build needs it).");
  process.exit(0);
}
const result = spawnSync("prisma", ["generate", "--schema", "prisma/schema.prisma"], {
  stdio: ["ignore", "inherit", "inherit"],
  shell: process.platform === "win32",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
