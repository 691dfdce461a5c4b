// Keeps the embedded PostgreSQL running: when its postmaster exits while
// Candor runs (killed, crashed, out of memory), start it again on the same
// port, so every connection string stays valid and the pool, the public page
// and the worker recover by themselves. Crash recovery takes milliseconds;
// the backoff is for a server that cannot start (a full disk, a damaged data
// directory), which is given up on loudly after MAX_ATTEMPTS in a row.
import type { ChildProcess } from "node:child_process";

const MAX_ATTEMPTS = 8;
/** A restarted server that stays up this long has recovered: the next exit starts counting again. */
const STABLE_AFTER_MS = 60_000;

export function restartDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** (attempt - 1), 10_000);
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `was stopped by ${child.signalCode}` : `exited with code ${child.exitCode}`;
}

export interface Supervisor {
  /** How many times the server was started again since Candor started. */
  readonly restarts: number;
  /** Set once the supervisor gave up: the server stays down until Candor restarts. */
  readonly gaveUpAt: Date | null;
  /** Stops the current server; no restart follows. */
  stop(): Promise<void>;
}

export function superviseServer(options: {
  first: ChildProcess;
  /** Starts the server again; resolves once it accepts connections, rejects if it cannot start. */
  start: () => Promise<ChildProcess>;
  stopChild: (child: ChildProcess) => Promise<void>;
  log: (line: string) => void;
  logFile: string;
}): Supervisor {
  let child = options.first;
  let stopping = false;
  let restarts = 0;
  let attempts = 0;
  let gaveUpAt: Date | null = null;
  let stableTimer: NodeJS.Timeout | undefined;

  const watch = (current: ChildProcess) => {
    child = current;
    current.once("exit", () => {
      clearTimeout(stableTimer);
      if (!stopping) void restart(`the embedded PostgreSQL ${describeExit(current)}`);
    });
  };

  const restart = async (why: string) => {
    while (!stopping) {
      attempts++;
      if (attempts > MAX_ATTEMPTS) {
        gaveUpAt = new Date();
        options.log(
          `GIVING UP: the embedded PostgreSQL failed to start, or stopped within a minute of starting, ${MAX_ATTEMPTS} times in a row (last: ${why}). ` +
            `Candor serves the public page from its last snapshot; admin pages and sending wait. ` +
            `Read ${options.logFile}, fix the cause (disk space, permissions), then restart Candor.`,
        );
        return;
      }
      const delay = restartDelayMs(attempts);
      options.log(`${why}; restarting it in ${delay} ms (attempt ${attempts} of ${MAX_ATTEMPTS}).`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        const started = await options.start();
        if (stopping) return void (await options.stopChild(started));
        restarts++;
        watch(started);
        options.log(`the embedded PostgreSQL is running again (pid ${started.pid}, restart ${restarts}).`);
        stableTimer = setTimeout(() => (attempts = 0), STABLE_AFTER_MS).unref();
        return;
      } catch (error) {
        why = `the embedded PostgreSQL did not start (${(error as Error).message})`;
      }
    }
  };

  watch(child);
  return {
    get restarts() {
      return restarts;
    },
    get gaveUpAt() {
      return gaveUpAt;
    },
    stop: async () => {
      stopping = true;
      clearTimeout(stableTimer);
      await options.stopChild(child);
    },
  };
}
