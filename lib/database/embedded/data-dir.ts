// The data directory holds everything the embedded setup owns:
//   postgres/      the PostgreSQL cluster
//   secrets.json   generated database password and AUTH_SECRET (mode 600)
//   candor.lock    the pid of the Candor process using the directory
//   server.json    the running server's port, for other processes (worker, scripts)
//   postgres.log   the server's log
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { StartupError } from "./errors";
import { isProcessAlive } from "./process-tools";

const secretsSchema = z.object({ databasePassword: z.string().min(16), authSecret: z.string().min(32) });
export type DataDirSecrets = z.infer<typeof secretsSchema>;

export type ServerInfo = { port: number; pid: number };

export function dataDirPaths(dataDir: string) {
  return {
    cluster: path.join(dataDir, "postgres"),
    secrets: path.join(dataDir, "secrets.json"),
    lock: path.join(dataDir, "candor.lock"),
    serverInfo: path.join(dataDir, "server.json"),
    log: path.join(dataDir, "postgres.log"),
  };
}

/** Generated once; later starts read the same values, so sessions and the database survive restarts. */
export async function loadOrCreateSecrets(dataDir: string): Promise<DataDirSecrets> {
  const file = dataDirPaths(dataDir).secrets;
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing !== null) {
    const parsed = secretsSchema.safeParse(JSON.parse(existing));
    if (!parsed.success) {
      throw new StartupError(`${file} is damaged. Restore it from a backup; without it Candor cannot open its database.`);
    }
    return parsed.data;
  }
  const secrets = { databasePassword: randomBytes(24).toString("base64url"), authSecret: randomBytes(32).toString("base64url") };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  return secrets;
}

export async function readLockOwner(dataDir: string): Promise<number | null> {
  const text = await readFile(dataDirPaths(dataDir).lock, "utf8").catch(() => null);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Claims the directory for this process. Throws when another live Candor holds it. */
export async function acquireLock(dataDir: string): Promise<void> {
  const lockFile = dataDirPaths(dataDir).lock;
  const owner = await readLockOwner(dataDir);
  if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
    throw new StartupError(
      `The data directory ${dataDir} is in use by another Candor process (pid ${owner}). ` +
        `Stop that one first (Ctrl+C in its terminal, or kill ${owner}), or set CANDOR_DATA_DIR to another directory.`,
    );
  }
  await rm(lockFile, { force: true });
  try {
    await writeFile(lockFile, `${process.pid}\n`, { flag: "wx" });
  } catch {
    throw new StartupError(`Another Candor process claimed ${dataDir} at the same moment. Start only one.`);
  }
}

export async function releaseLock(dataDir: string): Promise<void> {
  if ((await readLockOwner(dataDir)) === process.pid) await rm(dataDirPaths(dataDir).lock, { force: true });
}

export async function writeServerInfo(dataDir: string, info: ServerInfo): Promise<void> {
  await writeFile(dataDirPaths(dataDir).serverInfo, JSON.stringify(info), { mode: 0o600 });
}
