// Which banner a product shows at a given moment. Pure.
import type { BannerSeverity } from "./constants";

export interface BannerVersionView {
  id: string;
  version: number;
  isCleared: boolean;
  message: string | null;
  severity: BannerSeverity | null;
  linkUrl: string | null;
  linkLabel: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  incidentId: string | null;
  /** The linked incident's title, for people (the history names incidents by title). */
  incidentTitle?: string | null;
  authorName: string | null;
  createdAt: Date;
}

/** The current version shows when it is not a clear and `now` is inside its schedule. */
export function isBannerVisible(current: BannerVersionView | null, now: Date): current is BannerVersionView {
  if (!current || current.isCleared || !current.message || !current.severity) return false;
  if (current.startsAt && now < current.startsAt) return false;
  if (current.endsAt && now >= current.endsAt) return false;
  return true;
}

/** The moment the answer of isBannerVisible next changes by the clock alone, or null. */
export function nextScheduleChange(current: BannerVersionView | null, now: Date): Date | null {
  if (!current || current.isCleared) return null;
  if (current.startsAt && now < current.startsAt) return current.startsAt;
  if (current.endsAt && now < current.endsAt) return current.endsAt;
  return null;
}

const FIELDS = ["message", "severity", "linkUrl", "linkLabel", "startsAt", "endsAt", "incidentId"] as const;
export type BannerField = (typeof FIELDS)[number];

export const BANNER_FIELD_LABELS: Record<BannerField, string> = {
  message: "Message",
  severity: "Severity",
  linkUrl: "Link",
  linkLabel: "Link text",
  startsAt: "Shows from",
  endsAt: "Shows until",
  incidentId: "Incident",
};

/** What changed from one version to the next, for the history: field, from, to. */
export function describeChanges(
  previous: BannerVersionView | null,
  next: BannerVersionView,
): { field: BannerField; from: string | null; to: string | null }[] {
  if (next.isCleared) return [];
  const text = (version: BannerVersionView | null, field: BannerField) => {
    if (!version || version.isCleared) return null;
    if (field === "incidentId" && version.incidentId) return version.incidentTitle ?? version.incidentId;
    const value = version[field];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  };
  return FIELDS.map((field) => ({ field, from: text(previous, field), to: text(next, field) })).filter(
    (change) => change.from !== change.to,
  );
}
