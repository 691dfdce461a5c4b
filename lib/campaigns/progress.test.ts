import { describe, expect, it } from "vitest";
import { estimateSeconds } from "./progress";

describe("a campaign's time left", () => {
  it("counts the ready messages at the recent rate and waits for the last retry in backoff", () => {
    expect(estimateSeconds(100, 10, null)).toBe(10);
    expect(estimateSeconds(100, 10, 300)).toBe(300); // a row in backoff is not sent before its next try
    expect(estimateSeconds(100, 10, 4.2)).toBe(10);
    expect(estimateSeconds(0, 0, 42.1)).toBe(43); // only rows in backoff, nothing sent lately
    expect(estimateSeconds(5, 0, null)).toBeNull(); // no rate yet
    expect(estimateSeconds(0, 0, null)).toBeNull();
  });
});
