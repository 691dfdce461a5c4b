// The processes of an embedded PostgreSQL server, for fault tests that stop,
// resume or kill them as an operator's machine might.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The postmaster's pid, from postmaster.pid in the cluster directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The postmaster and every process it started (backends, checkpointer, WAL writer…). */
export function serverProcesses(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent pid (after the name in parentheses).
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** Sends `signal` to the whole server: SIGSTOP hangs it (connections stay open, nothing answers), SIGCONT resumes it. */
export function signalServer(dataDir: string, signal: NodeJS.Signals): void {
  for (const pid of serverProcesses(dataDir)) process.kill(pid, signal);
}
