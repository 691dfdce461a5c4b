"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/components/constants";

export interface CompactUptime {
  name: string;
  /** YYYY-MM-DD of the first day; the others follow one a day. */
  firstDate: string;
  /** One letter a day: n no data, o operational, m minor, j major (partial), c critical (major outage). */
  levels: string;
  /** Only where the uptime is not the level's obvious one (100 %, or none without data). */
  percents: Record<number, number | null>;
  /** The day's worst status, only where it was not operational. */
  worst: Record<number, ComponentStatus>;
  incidents: Record<number, string[]>;
  uptimePercent: number | null;
}

/** Phones show the last 30 days. */
const PHONE_DAYS = 30;

function dateAt(firstDate: string, index: number): string {
  const [year, month, day] = firstDate.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + index)).toISOString().slice(0, 10);
}

/** The day's worst status and its downtime share, said apart: a partial outage is not a major one however long it lasted. */
function describe(uptime: CompactUptime, index: number): string {
  const level = uptime.levels[index]!;
  const percent = index in uptime.percents ? uptime.percents[index] : level === "n" ? null : 100;
  const worst = uptime.worst[index];
  const status = worst ? `${COMPONENT_STATUS_LABELS[worst]} at worst` : level === "n" ? "No data" : "No downtime";
  const titles = uptime.incidents[index];
  const share = percent === null || percent === undefined ? (level === "n" && !worst ? "" : ", no data") : `, ${percent} % uptime`;
  return `${dateAt(uptime.firstDate, index)}: ${status}${share}${titles ? `; ${titles.join("; ")}` : ""}`;
}

/** "99.5 % uptime", and since when when the history is shorter than the strip. */
function overallLabel(uptime: CompactUptime): string {
  if (uptime.uptimePercent === null) return "No data yet";
  const first = uptime.levels.search(/[^n]/);
  return `${uptime.uptimePercent} % uptime${first > 0 ? ` since ${shortDate(dateAt(uptime.firstDate, first))}` : ""}`;
}

function shortDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function isNotable(uptime: CompactUptime, index: number): boolean {
  return index in uptime.incidents || index in uptime.worst || "mjc".includes(uptime.levels[index]!);
}

/**
 * One bar a day. Screen readers get a sentence naming the days with downtime
 * or incidents; pointer and keyboard users (arrow keys once the strip has
 * focus) get each day's details in a tooltip.
 */
export function UptimeStrip({ uptime }: { uptime: CompactUptime }) {
  const id = useId();
  const count = uptime.levels.length;
  const [active, setActive] = useState<number | null>(null);
  const [byKeyboard, setByKeyboard] = useState(false);
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
    setActive((current) => Math.min(count - 1, Math.max(0, (current ?? count - 1) + moves[event.key]!)));
  };

  return (
    <div className="mt-2">
      <p id={`${id}-summary`} className="sr-only">
        {summary}
      </p>
      <div
        role="group"
        aria-label={`Uptime of ${uptime.name}, day by day`}
        aria-describedby={`${id}-summary`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? count - 1)}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
        className="rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:focus-visible:outline-white"
      >
        <ol aria-hidden="true" className="flex h-8 items-stretch gap-px">
          {[...uptime.levels].map((level, index) => (
            <li
              key={index}
              data-level={level}
              data-active={active === index || undefined}
              onMouseEnter={() => (setByKeyboard(false), setActive(index))}
              className={`uptime-day${index < count - PHONE_DAYS ? " max-sm:hidden" : ""}`}
            >
              {active === index && (
                <span className={`uptime-tooltip ${index > count / 2 ? "right-0" : "left-0"}`}>{describe(uptime, index)}</span>
              )}
            </li>
          ))}
        </ol>
      </div>
      <p aria-live="polite" className="sr-only">
        {byKeyboard && active !== null ? describe(uptime, active) : ""}
      </p>
      <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>
          <span className="sm:hidden">{PHONE_DAYS} days ago</span>
          <span className="max-sm:hidden">{count} days ago</span>
        </span>
        <span>{overallLabel(uptime)}</span>
        <span>Today</span>
      </div>
    </div>
  );
}
