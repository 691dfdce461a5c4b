import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { FRONT_SEMI_SPACE_MB, startFrontHeapFull } from "./front-heap";

const MB = 1024 * 1024;

function newSpaceOfNewThread(): Promise<number> {
  const worker = new Worker(
    `const { getHeapSpaceStatistics } = require("node:v8");
     require("node:worker_threads").parentPort.postMessage(getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size);`,
    { eval: true },
  );
  return new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject)).finally(() =>
    worker.terminate(),
  ) as Promise<number>;
}

describe("startFrontHeapFull", () => {
  it("starts a thread made afterwards with its full young generation", async () => {
    expect(await newSpaceOfNewThread()).toBeLessThan(FRONT_SEMI_SPACE_MB * MB);
    startFrontHeapFull();
    expect(await newSpaceOfNewThread()).toBeGreaterThanOrEqual(FRONT_SEMI_SPACE_MB * MB);
  });
});
