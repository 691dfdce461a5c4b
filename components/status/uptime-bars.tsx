import type { ComponentWithUptime } from "@/lib/public-snapshot/types";
import type { ComponentStatus } from "@/lib/components/constants";
import type { DayLevel } from "@/lib/uptime/uptime";
import { UptimeStrip, type CompactUptime } from "./uptime-strip";

const LEVEL_CODES: Record<DayLevel, string> = { no_data: "n", operational: "o", minor: "m", major: "j", critical: "c" };

/**
 * The 90 days of a component, packed for the client strip: a page with many
 * components would otherwise carry every day twice (HTML and React payload).
 */
export function toCompactUptime(component: ComponentWithUptime): CompactUptime {
  const percents: Record<number, number | null> = {};
  const incidents: Record<number, string[]> = {};
  const worst: Record<number, ComponentStatus> = {};
  component.days.forEach((day, index) => {
    if (day.worstStatus && day.worstStatus !== "operational") worst[index] = day.worstStatus;
    const expected = day.level === "no_data" ? null : 100;
    if (day.uptimePercent !== expected) percents[index] = day.uptimePercent;
    if (day.incidents.length) incidents[index] = day.incidents.map((incident) => incident.title);
  });
  return {
    name: component.name,
    firstDate: component.days[0]?.date ?? "",
    levels: component.days.map((day) => LEVEL_CODES[day.level]).join(""),
    percents,
    worst,
    incidents,
    uptimePercent: component.uptimePercent,
  };
}

export function UptimeBars({ component }: { component: ComponentWithUptime }) {
  return <UptimeStrip uptime={toCompactUptime(component)} />;
}
