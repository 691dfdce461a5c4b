import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { setComponentStatus } from "@/lib/components/set-status";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { uptimeDays } from "@/lib/uptime/compact";
import { createAdmin } from "../support/factories";

// Seed 002 with a second, overlapping incident on the same component, written
// up after the fact: every update below is posted at `now` but describes an
// earlier time, in an order that differs from the order of the times.
const t = (iso: string) => new Date(iso);
const now = t("2026-11-28T12:00:00Z");
let actor: { id: string; email: string };
let leaveRequests: string;

async function intervalsOf(componentId: string) {
  const rows = await prisma.componentStatusInterval.findMany({ where: { componentId }, orderBy: { startedAt: "asc" } });
  return rows.map((row) => [row.status, row.startedAt.toISOString(), row.endedAt?.toISOString() ?? null]);
}

async function update(incidentId: string, status: "identified" | "monitoring" | "resolved", at: string, componentStatus?: string) {
  await postIncidentUpdate(
    actor,
    {
      incidentId,
      status,
      message: `${status} at ${at}`,
      publishedAt: t(at),
      components: componentStatus ? [{ componentId: leaveRequests, status: componentStatus as "major_outage" }] : [],
    },
    now,
  );
}

beforeAll(async () => {
  actor = await createAdmin();
  leaveRequests = (await createComponent(actor, { name: "Leave requests", isVisible: true })).id;
  await prisma.componentStatusInterval.updateMany({ data: { startedAt: t("2026-11-01T00:00:00Z") } });
});

describe("a backdated resolution with another incident open on the same component", () => {
  let lostData: string;

  it("puts the component in the status that held at each time, whatever order the updates were written in", async () => {
    const declare = (title: string, startedAt: string, status: "major_outage" | "partial_outage") =>
      declareIncident(
        actor,
        {
          title,
          impact: "major",
          status: "investigating",
          message: title,
          startedAt: t(startedAt),
          components: [{ componentId: leaveRequests, status }],
        },
        now,
      );
    lostData = (await declare("Data from 27–28 November lost", "2026-11-27T01:00:00Z", "major_outage")).id;
    const slow = (await declare("Leave requests slow", "2026-11-27T20:00:00Z", "partial_outage")).id;
    await update(slow, "monitoring", "2026-11-28T06:00:00Z", "degraded_performance");
    await update(slow, "identified", "2026-11-28T10:00:00Z", "major_outage");
    // The lost-data incident, written up afterwards: before, between and after the other incident's changes.
    await update(lostData, "identified", "2026-11-27T12:00:00Z", "partial_outage");
    await update(lostData, "identified", "2026-11-28T02:00:00Z", "degraded_performance");
    await update(lostData, "resolved", "2026-11-28T08:30:00Z");

    // Worst of what each open incident held the component in, at each moment.
    expect(await intervalsOf(leaveRequests)).toEqual([
      ["OPERATIONAL", "2026-11-01T00:00:00.000Z", "2026-11-27T01:00:00.000Z"],
      ["MAJOR_OUTAGE", "2026-11-27T01:00:00.000Z", "2026-11-27T12:00:00.000Z"],
      ["PARTIAL_OUTAGE", "2026-11-27T12:00:00.000Z", "2026-11-28T06:00:00.000Z"],
      ["DEGRADED_PERFORMANCE", "2026-11-28T06:00:00.000Z", "2026-11-28T10:00:00.000Z"],
      ["MAJOR_OUTAGE", "2026-11-28T10:00:00.000Z", null],
    ]);
    expect((await prisma.component.findUniqueOrThrow({ where: { id: leaveRequests } })).status).toBe("MAJOR_OUTAGE");
  });

  it("names in the resolution entry the status the component returned to then, not the other incident's current one", async () => {
    const resolution = await prisma.incidentUpdate.findFirstOrThrow({ where: { incidentId: lostData, status: "RESOLVED" } });
    expect(resolution.componentChanges).toMatchObject([{ componentId: leaveRequests, status: "degraded_performance" }]);
  });

  it("refuses a hand-set status an open incident would hide, writing nothing", async () => {
    const before = await intervalsOf(leaveRequests);
    await expect(setComponentStatus(actor, { componentId: leaveRequests, status: "operational" }, now)).rejects.toThrow(
      /“Leave requests slow” holds this component in major outage/,
    );
    expect(await intervalsOf(leaveRequests)).toEqual(before);
  });

  it("gives the hand-computed uptime on the 90-day bars", async () => {
    const snapshot = await buildPublicSnapshot(await readSnapshotVersion(), now);
    const component = snapshot.groups.flatMap((group) => group.components).find((item) => item.id === leaveRequests)!;
    const days = uptimeDays(component.uptime);
    const [nov27, nov28] = days.slice(-2);
    // 27th: 1 h up, 11 h major outage (weight 1), 12 h partial (0.5): 17 h down of 24.
    expect(nov27).toMatchObject({ date: "2026-11-27", uptimePercent: 29.16, worstStatus: "major_outage" });
    // 28th until noon: 6 h partial (3 h), 4 h degraded (0.4 h), 2 h major (2 h): 5.4 h down of 12.
    expect(nov28).toMatchObject({ date: "2026-11-28", uptimePercent: 55, worstStatus: "major_outage" });
    expect(days.at(-3)).toMatchObject({ date: "2026-11-26", uptimePercent: 100, worstStatus: "operational" });
    // Observed from 1 November: 660 h, of which 22.4 h weighted down.
    expect(component.uptime.uptimePercent).toBe(96.6);
    // Before the component's history began: no data, and not counted.
    expect(days[0]).toMatchObject({ uptimePercent: null, level: "no_data", worstStatus: null });
  });
});
