// PostgreSQL refuses to run as root. When Candor runs as root (containers, CI)
// the server runs as the `postgres` system user instead, which must be able to
// reach the binaries and the data directory.
import { constants } from "node:fs";
import { access, cp, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "./errors";
import { createSystemUser, findUserIds } from "./process-tools";

export type RunAs = { uid: number; gid: number } | null;

const SERVER_USER = "postgres";

export async function resolveRunAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return null;
  const existing = await findUserIds(SERVER_USER);
  if (existing) return existing;
  await createSystemUser(SERVER_USER).catch((error: Error) => {
    throw new StartupError(
      `Candor runs as root, so its PostgreSQL must run as a "${SERVER_USER}" user, and creating one failed (${error.message.trim()}). ` +
        `Create it (useradd --system ${SERVER_USER}) or run Candor as a normal user.`,
    );
  });
  return (await findUserIds(SERVER_USER))!;
}

/** The first directory on the way to `target` that other users cannot enter, or null. */
export async function findClosedAncestor(target: string): Promise<string | null> {
  let current = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of chain) {
    const info = await stat(directory).catch(() => null);
    if (!info) return null; // not created yet: created below an open parent
    if ((info.mode & constants.S_IXOTH) === 0) return directory;
  }
  return null;
}

/**
 * Where the server user can run the PostgreSQL binaries from. A checkout inside
 * a closed directory such as /root is copied once to the system temp directory.
 */
export async function reachableInstallDir(installDir: string, runAs: RunAs, version: string): Promise<string> {
  if (!runAs || !(await findClosedAncestor(installDir))) return installDir;
  const copy = path.join(os.tmpdir(), `candor-postgres-${version}`);
  const marker = path.join(copy, "bin", "postgres");
  const hasCopy = await access(marker).then(
    () => true,
    () => false,
  );
  if (!hasCopy) await cp(installDir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

/** Checks the directories above the data directory; Candor opens the data directory itself. */
export async function assertDataDirReachable(parentDir: string, runAs: RunAs): Promise<void> {
  if (!runAs) return;
  const closed = await findClosedAncestor(parentDir);
  if (!closed) return;
  throw new StartupError(
    `Candor runs as root, so its PostgreSQL runs as the "${SERVER_USER}" user, which cannot enter ${closed} ` +
      `(on the way to the data directory in ${parentDir}). Set CANDOR_DATA_DIR to a directory outside it ` +
      `(e.g. CANDOR_DATA_DIR=/var/lib/candor), run Candor as a normal user, or set DATABASE_URL to use your own PostgreSQL.`,
  );
}
