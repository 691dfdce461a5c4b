import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isProcessAlive(pid);
}

/** The command name of a live process, or null (from ps, on Linux and macOS alike). */
export async function processName(pid: number): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync("ps", ["-o", "comm=", "-p", String(pid)]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

export async function findUserIds(name: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", name]).then((result) => Number(result.stdout.trim())),
      execFileAsync("id", ["-g", name]).then((result) => Number(result.stdout.trim())),
    ]);
    return { uid, gid };
  } catch {
    return null;
  }
}

export async function createSystemUser(name: string): Promise<void> {
  await execFileAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name]);
}

/**
 * Stops a server Candor started: a fast shutdown (SIGINT), then an immediate
 * one (SIGQUIT) if it does not end, then SIGKILL, the only signal a hung or
 * stopped (SIGSTOP) process cannot put off, so stopping always ends. After
 * SIGKILL, PostgreSQL's next start runs crash recovery.
 */
export function stopServerProcess(child: ChildProcess, { quitAfterMs = 15_000, killAfterMs = 5_000 } = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const quit = setTimeout(() => child.kill("SIGQUIT"), quitAfterMs);
    const kill = setTimeout(() => child.kill("SIGKILL"), quitAfterMs + killAfterMs);
    child.once("exit", () => {
      clearTimeout(quit);
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGINT");
  });
}
