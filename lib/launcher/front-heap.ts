// The front thread's heap, set as the thread starts.
import { setFlagsFromString } from "node:v8";
import type { Worker } from "node:worker_threads";

/** Each of the young generation's two semi-spaces: V8's largest on 64-bit. */
export const FRONT_SEMI_SPACE_MB = 16;

/**
 * Starts a thread (the front thread) that begins with a full-size young
 * generation. V8 starts it at 1 MB, grows it only under sustained load and
 * shrinks it again when idle, so a spike met a collection every few hundred
 * requests and a cached answer cost a quarter more for its first seconds
 * (bench/README.md). The flag is process-wide and read when a thread's heap
 * is made, so it is set just for this thread: back to V8's default once the
 * thread runs, or if it never does. The cost is up to 32 MB.
 */
export function startWithFullYoungGeneration(start: () => Worker): Worker {
  const restoreDefault = () => setFlagsFromString("--min-semi-space-size=0");
  setFlagsFromString(`--min-semi-space-size=${FRONT_SEMI_SPACE_MB}`);
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    restoreDefault();
    throw error;
  }
  worker.once("online", restoreDefault).once("exit", restoreDefault);
  return worker;
}
