// Calendar days in a time zone, as UTC instants. Pure.

/** A calendar date: "2026-11-23". */
export type CalendarDate = string;

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function memoised(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = memoised(
    offsetFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  ).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar date begins in `timeZone` (DST-aware). */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day);
  // Twice: the offset at the guess may differ from the offset at local midnight across a DST change.
  let instant = naive - zoneOffsetMs(naive, timeZone);
  instant = naive - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** The calendar date of an instant in `timeZone`. */
export function calendarDate(instant: Date, timeZone: string): CalendarDate {
  return memoised(
    dateFormats,
    timeZone,
    () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(instant);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The last `count` calendar days up to and including the day of `now`, oldest first. */
export function lastDays(now: Date, count: number, timeZone: string): { date: CalendarDate; start: Date; end: Date }[] {
  const today = calendarDate(now, timeZone);
  // Each day ends where the next begins: count + 1 boundaries, not 2 × count.
  const dates = Array.from({ length: count + 1 }, (_, index) => addDays(today, index - count + 1));
  const starts = dates.map((date) => startOfDay(date, timeZone));
  return dates.slice(0, count).map((date, index) => ({ date, start: starts[index]!, end: starts[index + 1]! }));
}
