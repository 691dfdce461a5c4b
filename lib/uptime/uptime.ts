// Uptime from a component's status intervals. Pure.
//
// Each second a component spends in a status counts as downtime by a weight:
// major outage 1, partial outage 0.5, degraded performance 0.1, operational 0.
// Maintenance is neither up nor down: its time leaves the day's total.
// Time before the component's first interval, or after `now`, is not observed.
import { STATUS_SEVERITY, type ComponentStatus } from "../components/constants";
import { lastDays, type CalendarDate } from "./zoned-days";

export const DOWNTIME_WEIGHTS: Record<ComponentStatus, number | null> = {
  operational: 0,
  degraded_performance: 0.1,
  partial_outage: 0.5,
  major_outage: 1,
  under_maintenance: null,
};

export interface StatusInterval {
  status: ComponentStatus;
  startedAt: Date;
  endedAt: Date | null;
}

/** How a day's bar is coloured, from its share of weighted downtime. */
export type DayLevel = "no_data" | "operational" | "minor" | "major" | "critical";

export interface DayUptime {
  date: CalendarDate;
  start: Date;
  end: Date;
  observedMs: number;
  downtimeMs: number;
  /** 0–100, or null for a day with nothing observed. */
  uptimePercent: number | null;
  level: DayLevel;
  /** The worst status the component was in that day (maintenance included), or null without data. */
  worstStatus: ComponentStatus | null;
}

/** Thresholds on the day's weighted downtime share: under 1 % minor, under 5 % major, else critical. */
export function levelFor(observedMs: number, downtimeMs: number): DayLevel {
  if (observedMs <= 0) return "no_data";
  if (downtimeMs <= 0) return "operational";
  const share = downtimeMs / observedMs;
  if (share < 0.01) return "minor";
  if (share < 0.05) return "major";
  return "critical";
}

export function dailyUptime(intervals: readonly StatusInterval[], options: { now: Date; days: number; timeZone: string }): DayUptime[] {
  return uptimeOverDays(intervals, lastDays(options.now, options.days, options.timeZone), options.now);
}

/** The same over days already worked out (lastDays), so a build computes them once for every component. */
export function uptimeOverDays(
  intervals: readonly StatusInterval[],
  days: readonly { date: CalendarDate; start: Date; end: Date }[],
  now: Date,
): DayUptime[] {
  const nowMs = now.getTime();
  // Numbers once per interval, not once per interval and day.
  const spans = intervals.map((interval) => ({
    status: interval.status,
    from: interval.startedAt.getTime(),
    to: interval.endedAt?.getTime() ?? nowMs,
    weight: DOWNTIME_WEIGHTS[interval.status],
    severity: STATUS_SEVERITY.indexOf(interval.status),
  }));
  return days.map((day) => {
    const dayStart = day.start.getTime();
    const dayEnd = Math.min(day.end.getTime(), nowMs);
    let observedMs = 0;
    let downtimeMs = 0;
    let worst: (typeof spans)[number] | null = null;
    for (const span of spans) {
      const from = Math.max(span.from, dayStart);
      const to = Math.min(span.to, dayEnd);
      if (to <= from) continue;
      if (worst === null || span.severity < worst.severity) worst = span;
      if (span.weight === null) continue;
      observedMs += to - from;
      downtimeMs += (to - from) * span.weight;
    }
    const uptimePercent = observedMs > 0 ? roundDown(100 * (1 - downtimeMs / observedMs)) : null;
    return {
      date: day.date,
      start: day.start,
      end: day.end,
      observedMs,
      downtimeMs,
      uptimePercent,
      level: levelFor(observedMs, downtimeMs),
      worstStatus: worst?.status ?? null,
    };
  });
}

/** Uptime over all the given days together, or null when nothing was observed. */
export function overallUptime(days: readonly DayUptime[]): number | null {
  const observed = days.reduce((sum, day) => sum + day.observedMs, 0);
  if (observed === 0) return null;
  const downtime = days.reduce((sum, day) => sum + day.downtimeMs, 0);
  return roundDown(100 * (1 - downtime / observed));
}

/** Two decimals, rounded down: 99.999 % must not read as 100 %. */
function roundDown(percent: number): number {
  return Math.floor(percent * 100) / 100;
}
