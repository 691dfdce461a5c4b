// `npm start` builds the production bundle when there is none or the sources
// are newer than it, so a fresh clone needs no separate build step.
import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { StartupError } from "../database/embedded/errors";

const SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "package-lock.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["generated", "node_modules"]);

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.filter((entry) => !SKIP.has(entry)).map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

export async function isBuildCurrent(root: string): Promise<boolean> {
  const build = await stat(path.join(root, ".next", "BUILD_ID")).catch(() => null);
  if (!build) return false;
  const newest = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(path.join(root, source))))));
  return newest <= build.mtimeMs;
}

export function runBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new StartupError(`next build failed (exit ${code}); see the output above.`)),
    );
  });
}
