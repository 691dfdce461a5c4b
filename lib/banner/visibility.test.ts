import { describe, expect, it } from "vitest";
import { describeChanges, isBannerVisible, nextScheduleChange, type BannerVersionView } from "./visibility";

const base: BannerVersionView = {
  id: "v1",
  version: 1,
  isCleared: false,
  message: "We are investigating sign-in problems.",
  severity: "warning",
  linkUrl: null,
  linkLabel: null,
  startsAt: null,
  endsAt: null,
  incidentId: null,
  authorName: "Ada",
  createdAt: new Date("2026-11-27T01:15:00Z"),
};
const at = (iso: string) => new Date(iso);

describe("isBannerVisible", () => {
  it("shows the current banner unless it is a clear", () => {
    expect(isBannerVisible(base, at("2026-11-27T02:00:00Z"))).toBe(true);
    expect(isBannerVisible({ ...base, isCleared: true, message: null, severity: null }, at("2026-11-27T02:00:00Z"))).toBe(false);
    expect(isBannerVisible(null, at("2026-11-27T02:00:00Z"))).toBe(false);
  });

  it("follows the schedule: from its start, until (not including) its end", () => {
    const scheduled = { ...base, startsAt: at("2026-12-01T22:00:00Z"), endsAt: at("2026-12-02T02:00:00Z") };
    expect(isBannerVisible(scheduled, at("2026-12-01T21:59:59Z"))).toBe(false);
    expect(isBannerVisible(scheduled, at("2026-12-01T22:00:00Z"))).toBe(true);
    expect(isBannerVisible(scheduled, at("2026-12-02T01:59:59Z"))).toBe(true);
    expect(isBannerVisible(scheduled, at("2026-12-02T02:00:00Z"))).toBe(false);
    expect(nextScheduleChange(scheduled, at("2026-12-01T00:00:00Z"))).toEqual(at("2026-12-01T22:00:00Z"));
    expect(nextScheduleChange(scheduled, at("2026-12-01T23:00:00Z"))).toEqual(at("2026-12-02T02:00:00Z"));
    expect(nextScheduleChange(base, at("2026-12-01T23:00:00Z"))).toBeNull();
  });
});

describe("describeChanges", () => {
  it("lists each changed field from the previous version to the next", () => {
    const amended = {
      ...base,
      id: "v2",
      version: 2,
      message: "Data from 01:00 GMT on the 27th may be missing.",
      severity: "critical" as const,
    };
    expect(describeChanges(base, amended)).toEqual([
      { field: "message", from: "We are investigating sign-in problems.", to: "Data from 01:00 GMT on the 27th may be missing." },
      { field: "severity", from: "warning", to: "critical" },
    ]);
    expect(describeChanges(null, base).map((change) => change.field)).toEqual(["message", "severity"]);
  });

  it("names linked incidents by title, not id", () => {
    const linked = { ...base, id: "v2", version: 2, incidentId: "cmx1", incidentTitle: "Data from 27–28 November lost" };
    expect(describeChanges(base, linked)).toEqual([{ field: "incidentId", from: null, to: "Data from 27–28 November lost" }]);
  });
});
