import { describe, expect, it } from "vitest";
import { deriveIncidentStatus, type TimelineEntry } from "./derive-status";

const entry = (status: TimelineEntry["status"], publishedAt: string, createdAt: string, isInternal = false): TimelineEntry => ({
  status,
  isInternal,
  publishedAt: new Date(`2026-11-28T${publishedAt}:00Z`),
  createdAt: new Date(`2026-11-28T${createdAt}:00Z`),
});

describe("deriveIncidentStatus", () => {
  it("takes the status of the update describing the latest time, not the last one written", () => {
    const updates = [
      entry("investigating", "09:00", "09:00"),
      entry("monitoring", "10:00", "10:00"),
      entry("identified", "09:30", "11:00"),
    ];
    expect(deriveIncidentStatus(updates, "investigating")).toBe("monitoring");
  });

  it("breaks ties at the same time by the order they were written", () => {
    expect(deriveIncidentStatus([entry("identified", "10:00", "10:01"), entry("monitoring", "10:00", "10:02")], "investigating")).toBe(
      "monitoring",
    );
  });

  it("ignores internal notes", () => {
    expect(deriveIncidentStatus([entry("investigating", "09:00", "09:00"), entry(null, "12:00", "12:00", true)], "investigating")).toBe(
      "investigating",
    );
    expect(deriveIncidentStatus([], "scheduled")).toBe("scheduled");
  });
});
