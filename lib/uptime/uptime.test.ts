import { describe, expect, it } from "vitest";
import { dailyUptime, levelFor, overallUptime, type StatusInterval } from "./uptime";
import { calendarDate, lastDays, startOfDay } from "./zoned-days";

const at = (iso: string) => new Date(iso);
const interval = (status: StatusInterval["status"], from: string, to: string | null): StatusInterval => ({
  status,
  startedAt: at(from),
  endedAt: to ? at(to) : null,
});

describe("zoned days", () => {
  it("starts days at local midnight, across a DST change", () => {
    expect(startOfDay("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfDay("2026-11-23", "America/New_York").toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(calendarDate(at("2026-11-23T03:00:00Z"), "America/New_York")).toBe("2026-11-22");
  });

  it("lists the last N days oldest first, ending today", () => {
    const days = lastDays(at("2026-11-23T10:00:00Z"), 90, "UTC");
    expect(days).toHaveLength(90);
    expect(days[0]!.date).toBe("2026-08-26");
    expect(days.at(-1)!.date).toBe("2026-11-23");
  });
});

describe("dailyUptime", () => {
  const now = at("2026-11-28T12:00:00Z");
  const options = { now, days: 3, timeZone: "UTC" };

  it("splits an outage that crosses midnight between its two days", () => {
    // seed 002: wrong database from 01:00 on the 27th until 08:35 on the 28th.
    const days = dailyUptime(
      [
        interval("operational", "2026-11-01T00:00:00Z", "2026-11-27T01:00:00Z"),
        interval("major_outage", "2026-11-27T01:00:00Z", "2026-11-28T08:35:00Z"),
        interval("operational", "2026-11-28T08:35:00Z", null),
      ],
      options,
    );
    expect(days.map((day) => [day.date, day.uptimePercent, day.level])).toEqual([
      ["2026-11-26", 100, "operational"],
      ["2026-11-27", 4.16, "critical"],
      ["2026-11-28", 28.47, "critical"],
    ]);
    // Today is observed only until now.
    expect(days[2]!.observedMs).toBe(12 * 3_600_000);
  });

  it("weighs partial outages and degraded performance, and leaves maintenance out", () => {
    const [day] = dailyUptime(
      [
        interval("partial_outage", "2026-11-28T00:00:00Z", "2026-11-28T02:00:00Z"),
        interval("under_maintenance", "2026-11-28T02:00:00Z", "2026-11-28T06:00:00Z"),
        interval("degraded_performance", "2026-11-28T06:00:00Z", "2026-11-28T08:00:00Z"),
        interval("operational", "2026-11-28T08:00:00Z", null),
      ],
      { now, days: 1, timeZone: "UTC" },
    );
    // observed 8 h (12 h less 4 h maintenance); downtime 2 h × 0.5 + 2 h × 0.1 = 1.2 h
    expect(day!.observedMs).toBe(8 * 3_600_000);
    expect(day!.downtimeMs).toBeCloseTo(1.2 * 3_600_000);
    expect(day!.uptimePercent).toBe(85);
    // The day's worst status is named apart from its downtime share.
    expect(day!.worstStatus).toBe("partial_outage");
  });

  it("names no worst status on a day without data, and operational on a clean day", () => {
    const days = dailyUptime([interval("operational", "2026-11-28T06:00:00Z", null)], options);
    expect(days.map((day) => day.worstStatus)).toEqual([null, null, "operational"]);
  });

  it("has no data before the component existed, at the 90-day edge", () => {
    const days = dailyUptime([interval("operational", "2026-11-28T06:00:00Z", null)], options);
    expect(days.map((day) => day.level)).toEqual(["no_data", "no_data", "operational"]);
    expect(days[0]!.uptimePercent).toBeNull();
    const edge = dailyUptime(
      [interval("major_outage", "2026-01-01T00:00:00Z", "2026-08-31T12:00:00Z"), interval("operational", "2026-08-31T12:00:00Z", null)],
      { now, days: 90, timeZone: "UTC" },
    );
    expect(edge[0]!.date).toBe("2026-08-31");
    expect(edge[0]!.uptimePercent).toBe(50);
  });

  it("counts the day in the page's time zone", () => {
    const outage = [
      interval("operational", "2026-11-01T00:00:00Z", "2026-11-28T03:00:00Z"),
      interval("major_outage", "2026-11-28T03:00:00Z", "2026-11-28T04:00:00Z"),
      interval("operational", "2026-11-28T04:00:00Z", null),
    ];
    const utc = dailyUptime(outage, { now, days: 2, timeZone: "UTC" });
    const newYork = dailyUptime(outage, { now, days: 2, timeZone: "America/New_York" });
    // In UTC the hour falls on the 28th, of which 12 hours are observed so far: over 5 %.
    expect(utc.map((day) => day.level)).toEqual(["operational", "critical"]);
    // 03:00–04:00 UTC is 22:00–23:00 on the 27th in New York.
    expect(newYork.map((day) => [day.date, day.level])).toEqual([
      ["2026-11-27", "major"],
      ["2026-11-28", "operational"],
    ]);
  });

  it("sums overall uptime over observed time, rounding down", () => {
    const days = dailyUptime(
      [interval("major_outage", "2026-11-26T00:00:00Z", "2026-11-26T00:00:01Z"), interval("operational", "2026-11-26T00:00:01Z", null)],
      options,
    );
    expect(overallUptime(days)).toBe(99.99);
    expect(overallUptime([])).toBeNull();
    expect(levelFor(1000, 0)).toBe("operational");
  });
});
