import { describe, expect, it } from "vitest";
import { deriveHistory, statusAt, type HistoryEvent } from "./derive-history";

const t = (hour: number) => new Date(Date.UTC(2026, 10, 28, hour));
const rows = (events: HistoryEvent[]) =>
  deriveHistory(events).map((interval) => [
    interval.status,
    interval.cause,
    interval.startedAt.getUTCHours(),
    interval.endedAt?.getUTCHours() ?? null,
  ]);

describe("deriveHistory", () => {
  it("shows the worst status any open incident holds the component in", () => {
    expect(
      rows([
        { kind: "own", at: t(0), status: "operational" },
        { kind: "hold", at: t(1), incidentId: "a", cause: "incident", status: "degraded_performance" },
        { kind: "hold", at: t(2), incidentId: "b", cause: "incident", status: "major_outage" },
        { kind: "release", at: t(3), incidentId: "b" },
        { kind: "release", at: t(4), incidentId: "a" },
      ]),
    ).toEqual([
      ["operational", "manual", 0, 1],
      ["degraded_performance", "incident", 1, 2],
      ["major_outage", "incident", 2, 3],
      ["degraded_performance", "incident", 3, 4],
      ["operational", "manual", 4, null],
    ]);
  });

  it("takes events in time order, not in the order they were recorded", () => {
    const events: HistoryEvent[] = [
      { kind: "hold", at: t(5), incidentId: "b", cause: "incident", status: "major_outage" },
      { kind: "own", at: t(0), status: "operational" },
      { kind: "release", at: t(3), incidentId: "a" },
      { kind: "hold", at: t(1), incidentId: "a", cause: "incident", status: "partial_outage" },
    ];
    const intervals = deriveHistory(events);
    expect(statusAt(intervals, t(4))).toBe("operational");
    expect(statusAt(intervals, t(2))).toBe("partial_outage");
    expect(statusAt(intervals, new Date(Date.UTC(2026, 10, 27)))).toBeNull();
  });

  it("keeps the component's own worse status through a milder incident, and merges equal neighbours", () => {
    expect(
      rows([
        { kind: "own", at: t(0), status: "partial_outage" },
        { kind: "hold", at: t(1), incidentId: "a", cause: "incident", status: "degraded_performance" },
        { kind: "hold", at: t(2), incidentId: "b", cause: "incident", status: "major_outage" },
        { kind: "hold", at: t(3), incidentId: "a", cause: "incident", status: "major_outage" },
        { kind: "release", at: t(4), incidentId: "b" },
      ]),
    ).toEqual([
      ["partial_outage", "manual", 0, 2],
      ["major_outage", "incident", 2, null],
    ]);
  });
});
