// The page's overall status line, derived from component statuses and the
// impacts of open incidents. Pure.
import type { ComponentStatus, IncidentImpact } from "./constants";

export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";

export const INDICATOR_LABELS: Record<Indicator, string> = {
  none: "All systems operational",
  minor: "Minor service disruption",
  major: "Partial system outage",
  critical: "Major system outage",
  maintenance: "Maintenance in progress",
};

const SEVERITY: Record<Exclude<Indicator, "maintenance">, number> = { none: 0, minor: 1, major: 2, critical: 3 };

const FROM_COMPONENT: Record<ComponentStatus, Indicator> = {
  operational: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
  under_maintenance: "maintenance",
};

/**
 * The worst of the components' statuses and the open incidents' impacts.
 * Maintenance shows only when nothing is actually broken: an outage during a
 * maintenance window is still an outage to the reader.
 */
export function rollUpStatus(componentStatuses: readonly ComponentStatus[], openIncidentImpacts: readonly IncidentImpact[]): Indicator {
  let worst: Exclude<Indicator, "maintenance"> = "none";
  let hasMaintenance = false;
  const consider = (indicator: Indicator) => {
    if (indicator === "maintenance") hasMaintenance = true;
    else if (SEVERITY[indicator] > SEVERITY[worst]) worst = indicator;
  };
  componentStatuses.forEach((status) => consider(FROM_COMPONENT[status]));
  openIncidentImpacts.forEach((impact) => consider(impact));
  return worst === "none" && hasMaintenance ? "maintenance" : worst;
}
