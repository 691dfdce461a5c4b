// Wakes the admin's drafts bar the moment a draft changes in this process;
// other instances' changes are seen by re-reading the version every second.
import { EventEmitter } from "node:events";
import { readDraftsVersion } from "./queries";

const EMITTER_KEY = Symbol.for("candor.draftsEmitter");
const RECHECK_MS = 1_000;

function emitter(): EventEmitter {
  const holder = globalThis as { [EMITTER_KEY]?: EventEmitter };
  if (!holder[EMITTER_KEY]) {
    holder[EMITTER_KEY] = new EventEmitter();
    holder[EMITTER_KEY].setMaxListeners(0);
  }
  return holder[EMITTER_KEY];
}

/** Call after the transaction that created, published or dismissed a draft commits. */
export function announceDraftsChanged(): void {
  emitter().emit("change");
}

/**
 * Resolves with the drafts version once it differs from `since`, or after
 * `timeoutMs` with the current one (a long poll), or when `signal` aborts.
 */
export async function waitForDraftsChange(since: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await readDraftsVersion();
    if (version !== since || Date.now() >= deadline || signal?.aborted) return version;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        emitter().off("change", done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(RECHECK_MS, Math.max(0, deadline - Date.now())));
      emitter().once("change", done);
      signal?.addEventListener("abort", done);
    });
  }
}
