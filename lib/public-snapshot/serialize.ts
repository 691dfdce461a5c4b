// A snapshot as JSON on disk and back, Dates included. Dates are written as
// {"$date": iso}: no text an operator types can turn into one.
import type { PublicSnapshot } from "./types";

/** 2: uptime days kept compactly (lib/uptime/compact.ts). */
export const SNAPSHOT_FORMAT = 2;

export function serializeSnapshot(snapshot: PublicSnapshot): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, snapshot }, function (key, value) {
    const original = (this as Record<string, unknown>)[key];
    return original instanceof Date ? { $date: original.toISOString() } : value;
  });
}

/** The snapshot, or null when the text is from another format or damaged. */
export function parseSnapshot(text: string): PublicSnapshot | null {
  try {
    const parsed = JSON.parse(text, (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value) && typeof value.$date === "string" && Object.keys(value).length === 1
        ? new Date(value.$date)
        : value,
    ) as { format?: number; snapshot?: PublicSnapshot };
    return parsed.format === SNAPSHOT_FORMAT && parsed.snapshot ? parsed.snapshot : null;
  } catch {
    return null;
  }
}
