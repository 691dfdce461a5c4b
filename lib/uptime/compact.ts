// A component's days as the public page carries them: one letter a day and
// only the exceptions spelled out. A page of 200 components keeps 18,000
// days in its snapshot, its payload and its markup; as objects they were
// most of each rebuild. Pure, and shared with the browser's strip.
import type { ComponentStatus } from "../components/constants";
import type { DayLevel, DayUptime } from "./uptime";
import { addDays, type CalendarDate } from "./zoned-days";

const LEVEL_CODES: Record<DayLevel, string> = { no_data: "n", operational: "o", minor: "m", major: "j", critical: "c" };
const LEVELS_BY_CODE = Object.fromEntries(Object.entries(LEVEL_CODES).map(([level, code]) => [code, level])) as Record<string, DayLevel>;

export interface CompactUptime {
  /** The first day; the others follow one a day. */
  firstDate: CalendarDate;
  /** One letter a day: n no data, o operational, m minor, j major (partial), c critical (major outage). */
  levels: string;
  /** Only where the uptime is not the level's obvious one (100 %, or none without data). */
  percents: Record<number, number | null>;
  /** The day's worst status, only where it was not operational. */
  worst: Record<number, ComponentStatus>;
  /** Titles of the incidents that touched the day, only where there were any. */
  incidents: Record<number, string[]>;
  /** Over the whole strip, or null with nothing observed. */
  uptimePercent: number | null;
}

export interface UptimeDayDetails {
  date: CalendarDate;
  level: DayLevel;
  uptimePercent: number | null;
  /** The worst status that day, named apart from the downtime share (null without data). */
  worstStatus: ComponentStatus | null;
  incidents: string[];
}

export function compactUptime(
  days: readonly DayUptime[],
  uptimePercent: number | null,
  incidentsOn: (day: DayUptime) => string[],
): CompactUptime {
  const compact: CompactUptime = { firstDate: days[0]?.date ?? "", levels: "", percents: {}, worst: {}, incidents: {}, uptimePercent };
  days.forEach((day, index) => {
    compact.levels += LEVEL_CODES[day.level];
    if (day.uptimePercent !== obviousPercent(day.level)) compact.percents[index] = day.uptimePercent;
    if (day.worstStatus && day.worstStatus !== "operational") compact.worst[index] = day.worstStatus;
    const titles = incidentsOn(day);
    if (titles.length) compact.incidents[index] = titles;
  });
  return compact;
}

export function uptimeDay(uptime: CompactUptime, index: number): UptimeDayDetails {
  const level = LEVELS_BY_CODE[uptime.levels[index]!] ?? "no_data";
  return {
    date: addDays(uptime.firstDate, index),
    level,
    uptimePercent: index in uptime.percents ? (uptime.percents[index] ?? null) : obviousPercent(level),
    worstStatus: uptime.worst[index] ?? (level === "no_data" ? null : "operational"),
    incidents: uptime.incidents[index] ?? [],
  };
}

export function uptimeDays(uptime: CompactUptime): UptimeDayDetails[] {
  return Array.from({ length: uptime.levels.length }, (_, index) => uptimeDay(uptime, index));
}

/** Runs of equal days, [code, first index, index after the last]: the strip draws one stop per run. */
export function levelRuns(levels: string): [code: string, start: number, end: number][] {
  const runs: [string, number, number][] = [];
  for (let start = 0; start < levels.length;) {
    let end = start + 1;
    while (end < levels.length && levels[end] === levels[start]) end++;
    runs.push([levels[start]!, start, end]);
    start = end;
  }
  return runs;
}

function obviousPercent(level: DayLevel): number | null {
  return level === "no_data" ? null : 100;
}
