import { describe, expect, it } from "vitest";
import { parseTargets } from "../../bench/targets";

describe("npm run bench's summary", () => {
  it("reads both ways the benches report a target, met or not", () => {
    const output = [
      "A write reached / in 120 ms",
      "target: / ≥ 90 % of node:http — met",
      "target: /api/banner ≥ 90 % of node:http — NOT met (71 %)",
      "  ratio (worst of the rounds): 88 %, best 95 % (target ≥ 80 %) ✓",
      "Queue 100,000 recipients: 12.10 s (target < 10 s) ✗",
    ].join("\n");
    expect(parseTargets("bench/x.ts", output)).toEqual([
      { bench: "bench/x.ts", text: "/ ≥ 90 % of node:http", met: true },
      { bench: "bench/x.ts", text: "/api/banner ≥ 90 % of node:http (71 %)", met: false },
      { bench: "bench/x.ts", text: "ratio (worst of the rounds): 88 %, best 95 % (target ≥ 80 %)", met: true },
      { bench: "bench/x.ts", text: "Queue 100,000 recipients: 12.10 s (target < 10 s)", met: false },
    ]);
  });
});
