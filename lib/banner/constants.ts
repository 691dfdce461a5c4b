export const BANNER_SEVERITIES = ["info", "warning", "critical"] as const;
export type BannerSeverity = (typeof BANNER_SEVERITIES)[number];

export const BANNER_SEVERITY_LABELS: Record<BannerSeverity, string> = { info: "Info", warning: "Warning", critical: "Critical" };

export const BANNER_MESSAGE_MAX = 500;

/** A major or critical incident warrants a critical banner; a minor one a warning. */
export function bannerSeverityForImpact(impact: "none" | "minor" | "major" | "critical"): BannerSeverity {
  return impact === "major" || impact === "critical" ? "critical" : impact === "minor" ? "warning" : "info";
}
