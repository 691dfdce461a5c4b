// Generates the Prisma client (lib/generated/prisma) offline. The CLI wants a
// native schema-engine binary it would download; generating does not use it,
// so any existing file satisfies the check (see PLATFORM.md).
import { spawnSync } from "node:child_process";

const result = spawnSync("prisma", ["generate", "--schema", "prisma/schema.prisma"], {
  stdio: ["ignore", "inherit", "inherit"],
  shell: process.platform === "win32",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
