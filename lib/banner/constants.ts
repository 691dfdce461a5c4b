export const BANNER_SEVERITIES = ["info", "warning", "critical"] as const;
export type BannerSeverity = (typeof BANNER_SEVERITIES)[number];

export const BANNER_SEVERITY_LABELS: Record<BannerSeverity, string> = { info: "Info", warning: "Warning", critical: "Critical" };

export const BANNER_MESSAGE_MAX = 500;
