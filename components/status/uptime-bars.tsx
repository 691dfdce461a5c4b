import type { ComponentWithUptime, UptimeDay } from "@/lib/status-page/get-status-page";
import type { DayLevel } from "@/lib/uptime/uptime";

const LEVELS: Record<DayLevel, { bar: string; label: string }> = {
  no_data: { bar: "bg-slate-300 dark:bg-slate-700", label: "No data" },
  operational: { bar: "bg-green-600", label: "No downtime" },
  minor: { bar: "bg-yellow-400", label: "Minor downtime" },
  major: { bar: "bg-orange-500", label: "Partial outage" },
  critical: { bar: "bg-red-600", label: "Major outage" },
};

function describeDay(day: UptimeDay): string {
  const uptime = day.uptimePercent === null ? "no data" : `${day.uptimePercent} % uptime`;
  const incidents = day.incidents.length ? `; ${day.incidents.map((incident) => incident.title).join("; ")}` : "";
  return `${day.date}: ${LEVELS[day.level].label}, ${uptime}${incidents}`;
}

/**
 * One bar per day for the last 90 days (30 on a phone). Each day's details
 * sit in a tooltip that opens on hover and on keyboard focus; days with
 * downtime or incidents are focusable.
 */
export function UptimeBars({ component }: { component: ComponentWithUptime }) {
  const count = component.days.length;
  return (
    <div className="mt-2">
      <ol aria-label={`Uptime of ${component.name}, day by day`} className="flex h-8 items-stretch gap-px">
        {component.days.map((day, index) => {
          const isInteresting = day.incidents.length > 0 || (day.level !== "operational" && day.level !== "no_data");
          return (
            <li key={day.date} className={`group relative min-w-0 flex-1 ${index < count - 30 ? "max-sm:hidden" : ""}`}>
              <span
                tabIndex={isInteresting ? 0 : undefined}
                aria-describedby={`${component.id}-${day.date}`}
                className={`block h-full rounded-sm ${LEVELS[day.level].bar} focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-slate-900 dark:focus-visible:outline-white`}
              >
                <span className="sr-only">{day.date}</span>
              </span>
              <span
                id={`${component.id}-${day.date}`}
                role="tooltip"
                className={`pointer-events-none absolute bottom-full z-10 mb-2 hidden w-56 rounded-md bg-slate-900 p-2 text-xs text-white shadow-lg group-focus-within:block group-hover:block dark:bg-slate-100 dark:text-slate-900 ${index > count / 2 ? "right-0" : "left-0"}`}
              >
                {describeDay(day)}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>
          <span className="sm:hidden">30 days ago</span>
          <span className="max-sm:hidden">{count} days ago</span>
        </span>
        <span>{component.uptimePercent === null ? "No data yet" : `${component.uptimePercent} % uptime`}</span>
        <span>Today</span>
      </div>
    </div>
  );
}
