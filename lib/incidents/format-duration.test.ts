import { describe, expect, it } from "vitest";
import { formatAge, formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("says how long an incident lasted in words a reader scans", () => {
    expect(formatDuration(30_000)).toBe("less than a minute");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    // seed 002: 01:00 on the 27th to 08:35 on the 28th
    expect(formatDuration((31 * 60 + 35) * 60_000)).toBe("1 day 7 h 35 min");
    expect(formatDuration(3 * 86_400_000 + 60_000)).toBe("3 days 1 min");
  });
});

describe("formatAge", () => {
  it("says how long ago an update was posted, coarser as it gets older", () => {
    expect(formatAge(20_000)).toBe("just now");
    expect(formatAge(-5_000)).toBe("just now");
    expect(formatAge(12 * 60_000 + 59_000)).toBe("12 min ago");
    expect(formatAge(3 * 3_600_000 + 59 * 60_000)).toBe("3 h ago");
    expect(formatAge(86_400_000)).toBe("1 day ago");
    expect(formatAge(9 * 86_400_000)).toBe("9 days ago");
  });
});
