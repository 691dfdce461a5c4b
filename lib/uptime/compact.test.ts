import { describe, expect, it } from "vitest";
import { compactUptime, levelRuns, uptimeDay, uptimeDays } from "./compact";
import type { DayUptime } from "./uptime";

const day = (date: string, fields: Partial<DayUptime>): DayUptime => ({
  date,
  start: new Date(`${date}T00:00:00Z`),
  end: new Date(`${date}T23:59:59Z`),
  observedMs: 86_400_000,
  downtimeMs: 0,
  uptimePercent: 100,
  level: "operational",
  worstStatus: "operational",
  ...fields,
});

const days = [
  day("2026-11-27", { observedMs: 0, uptimePercent: null, level: "no_data", worstStatus: null }),
  day("2026-11-28", { observedMs: 0, uptimePercent: null, level: "no_data", worstStatus: "under_maintenance" }),
  day("2026-11-29", {}),
  day("2026-11-30", { uptimePercent: 29.16, level: "critical", worstStatus: "major_outage" }),
  day("2026-12-01", { uptimePercent: 99.9, level: "minor", worstStatus: "degraded_performance" }),
];

describe("compact uptime", () => {
  const compact = compactUptime(days, 96.6, (each) => (each.date === "2026-11-30" ? ["Data lost", "Logins slow"] : []));

  it("keeps one letter a day and only the exceptions", () => {
    expect(compact).toEqual({
      firstDate: "2026-11-27",
      levels: "nnocm",
      percents: { 3: 29.16, 4: 99.9 },
      worst: { 1: "under_maintenance", 3: "major_outage", 4: "degraded_performance" },
      incidents: { 3: ["Data lost", "Logins slow"] },
      uptimePercent: 96.6,
    });
  });

  it("gives every day back as it was", () => {
    expect(uptimeDays(compact)).toEqual(
      days.map((each) => ({
        date: each.date,
        level: each.level,
        uptimePercent: each.uptimePercent,
        worstStatus: each.worstStatus,
        incidents: each.date === "2026-11-30" ? ["Data lost", "Logins slow"] : [],
      })),
    );
  });

  it("counts dates across a month's end", () => {
    expect(uptimeDay(compact, 4).date).toBe("2026-12-01");
  });

  it("groups equal days into runs", () => {
    expect(levelRuns("nnocm")).toEqual([
      ["n", 0, 2],
      ["o", 2, 3],
      ["c", 3, 4],
      ["m", 4, 5],
    ]);
    expect(levelRuns("o".repeat(90))).toEqual([["o", 0, 90]]);
    expect(levelRuns("")).toEqual([]);
  });
});
