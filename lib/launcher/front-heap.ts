// The front thread's heap, set before the thread starts.
import { setFlagsFromString } from "node:v8";

/** Each of the young generation's two semi-spaces: V8's largest on 64-bit. */
export const FRONT_SEMI_SPACE_MB = 16;

/**
 * Makes threads started from now on (the front thread is Candor's only one)
 * begin with a full-size young generation. V8 starts it at 1 MB, grows it
 * only under sustained load and shrinks it again when idle, so a spike met a
 * collection every few hundred requests and a cached answer cost a quarter
 * more for its first seconds (bench/README.md). The main thread's heap was
 * made before this and keeps V8's defaults; the cost is up to 32 MB.
 */
export function startFrontHeapFull(): void {
  setFlagsFromString(`--min-semi-space-size=${FRONT_SEMI_SPACE_MB}`);
}
