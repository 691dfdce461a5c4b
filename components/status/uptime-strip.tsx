"use client";

import { useEffect, useId, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import { COMPONENT_STATUS_LABELS } from "@/lib/components/constants";
import { levelRuns, uptimeDay, type CompactUptime } from "@/lib/uptime/compact";
import { addDays } from "@/lib/uptime/zoned-days";

/** Phones show the last 30 days: the same query as globals.css's `.uptime-strip`. */
const PHONE_DAYS = 30;
const PHONE_QUERY = "(width < 40rem)";

/** The day's worst status and its downtime share, said apart: a partial outage is not a major one however long it lasted. */
function describe(uptime: CompactUptime, index: number): string {
  const day = uptimeDay(uptime, index);
  const worst = day.worstStatus === "operational" ? null : day.worstStatus;
  const status = worst ? `${COMPONENT_STATUS_LABELS[worst]} at worst` : day.level === "no_data" ? "No data" : "No downtime";
  const share = day.uptimePercent === null ? (day.level === "no_data" && !worst ? "" : ", no data") : `, ${day.uptimePercent} % uptime`;
  return `${day.date}: ${status}${share}${day.incidents.length ? `; ${day.incidents.join("; ")}` : ""}`;
}

/** "99.5 % uptime", and since when when the history is shorter than the strip. */
function overallLabel(uptime: CompactUptime): string {
  if (uptime.uptimePercent === null) return "No data yet";
  const first = uptime.levels.search(/[^n]/);
  return `${uptime.uptimePercent} % uptime${first > 0 ? ` since ${shortDate(addDays(uptime.firstDate, first))}` : ""}`;
}

function shortDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function isNotable(uptime: CompactUptime, index: number): boolean {
  return index in uptime.incidents || index in uptime.worst || "mjc".includes(uptime.levels[index]!);
}

/** The CSS custom property for a level's colour (globals.css sets them for light and dark). */
const LEVEL_COLOURS: Record<string, string> = {
  n: "var(--day-n)",
  o: "var(--day-o)",
  m: "var(--day-m)",
  j: "var(--day-j)",
  c: "var(--day-c)",
};

/**
 * All the days as one gradient with a stop per run of equal days: a page of
 * 200 components would otherwise be 18,000 elements to render on every
 * change. The gaps between days are a mask (globals.css).
 */
function dayGradient(levels: string): string {
  const at = (index: number) => `${+((index / levels.length) * 100).toFixed(4)}%`;
  const stops = levelRuns(levels).map(([code, start, end]) => `${LEVEL_COLOURS[code] ?? LEVEL_COLOURS.n} ${at(start)} ${at(end)}`);
  return `linear-gradient(to right,${stops.join(",")})`;
}

/** The first day a phone shows: the strip's width holds only the last PHONE_DAYS there. */
function firstShownDay(count: number): number {
  const phone = typeof window !== "undefined" && window.matchMedia(PHONE_QUERY).matches;
  return phone ? Math.max(0, count - PHONE_DAYS) : 0;
}

/**
 * One bar a day, drawn as a single element. Screen readers get a sentence
 * naming the days with downtime or incidents; pointer and keyboard users
 * (arrow keys once the strip has focus) get each day's details in a tooltip.
 */
export function UptimeStrip({ name, uptime }: { name: string; uptime: CompactUptime }) {
  const id = useId();
  const count = uptime.levels.length;
  const [active, setActive] = useState<number | null>(null);
  const [byKeyboard, setByKeyboard] = useState(false);
  // Which days are shown changes with the width: a day picked before may no longer be there.
  useEffect(() => {
    const phone = window.matchMedia(PHONE_QUERY);
    let wasPhone = phone.matches;
    const forget = () => {
      if (phone.matches !== wasPhone) setActive(null);
      wasPhone = phone.matches;
    };
    phone.addEventListener("change", forget);
    return () => phone.removeEventListener("change", forget);
  }, []);
  const notable = [...uptime.levels].map((_, index) => index).filter((index) => isNotable(uptime, index));
  const since = uptime.levels.search(/[^n]/) > 0;
  const summary = `${uptime.uptimePercent === null ? "No uptime data yet" : since ? overallLabel(uptime) : `${overallLabel(uptime)} over the last ${count} days`}. ${
    notable.length ? `Days with downtime or incidents: ${notable.map((index) => describe(uptime, index)).join(". ")}.` : "No downtime."
  }`;

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, Home: -count, End: count };
    if (event.key === "Escape") return setActive(null);
    if (!(event.key in moves)) return;
    event.preventDefault();
    setByKeyboard(true);
    const first = firstShownDay(count);
    setActive((current) => Math.min(count - 1, Math.max(first, (current ?? count - 1) + moves[event.key]!)));
  };

  const onPointer = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const first = firstShownDay(count);
    // Bars are (width + 1px) / shown apart: the last one's gap lies past the strip's end.
    const offset = Math.floor(((event.clientX - box.left) / (box.width + 1)) * (count - first));
    setByKeyboard(false);
    setActive(Math.min(count - 1, Math.max(first, first + offset)));
  };

  const strip = { "--days": count, "--phone-days": Math.min(count, PHONE_DAYS), "--day": active ?? 0 } as CSSProperties;
  return (
    <div className="mt-2">
      <p id={`${id}-summary`} className="sr-only">
        {summary}
      </p>
      <div
        role="group"
        aria-label={`Uptime of ${name}, day by day`}
        aria-describedby={`${id}-summary`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? count - 1)}
        onBlur={() => setActive(null)}
        onMouseMove={onPointer}
        onMouseLeave={() => setActive(null)}
        style={strip}
        className="uptime-strip"
      >
        <div aria-hidden="true" className="uptime-days" style={{ backgroundImage: dayGradient(uptime.levels) }} />
        {active !== null && (
          <>
            <span aria-hidden="true" className="uptime-marker" />
            <span aria-hidden="true" className="uptime-tooltip">
              {describe(uptime, active)}
            </span>
          </>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {byKeyboard && active !== null ? describe(uptime, active) : ""}
      </p>
      <div className="uptime-legend">
        <span>
          <span className="sm:hidden">{`${Math.min(count, PHONE_DAYS)} days ago`}</span>
          <span className="max-sm:hidden">{`${count} days ago`}</span>
        </span>
        <span>{overallLabel(uptime)}</span>
        <span>Today</span>
      </div>
    </div>
  );
}
