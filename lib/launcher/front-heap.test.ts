import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { FRONT_SEMI_SPACE_MB, startWithFullYoungGeneration } from "./front-heap";

const MB = 1024 * 1024;

function reportingThread(): Worker {
  return new Worker(
    `const { getHeapSpaceStatistics } = require("node:v8");
     require("node:worker_threads").parentPort.postMessage(getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size);`,
    { eval: true },
  );
}

async function newSpaceOf(worker: Worker): Promise<number> {
  try {
    const [size] = (await once(worker, "message")) as [number];
    return size;
  } finally {
    await worker.terminate();
  }
}

describe("startWithFullYoungGeneration", () => {
  it("gives the thread it starts a full young generation, and later threads V8's default", async () => {
    expect(await newSpaceOf(reportingThread())).toBeLessThan(FRONT_SEMI_SPACE_MB * MB);
    expect(await newSpaceOf(startWithFullYoungGeneration(reportingThread))).toBeGreaterThanOrEqual(FRONT_SEMI_SPACE_MB * MB);
    expect(await newSpaceOf(reportingThread())).toBeLessThan(FRONT_SEMI_SPACE_MB * MB);
  });
});
