import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createComponent } from "@/lib/components/save-component";
import { addInternalNote } from "@/lib/incidents/add-note";
import { advanceMaintenance } from "@/lib/incidents/advance-maintenance";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { deleteIncidentUpdate } from "@/lib/incidents/delete-update";
import { editIncidentUpdate } from "@/lib/incidents/edit-update";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { findIncidentForOperators } from "@/lib/incidents/queries";
import { scheduleMaintenance } from "@/lib/incidents/schedule-maintenance";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { readHistoryPage } from "@/lib/public-snapshot/pages";
import { uptimeDays } from "@/lib/uptime/compact";
import { findIncident } from "@/lib/public-snapshot/select";
import { createAdmin } from "../support/factories";

const t = (iso: string) => new Date(iso);
const publicSnapshotAt = async (now: Date) => buildPublicSnapshot(await readSnapshotVersion(), now);
let actor: { id: string; email: string };
let appId: string;
let apiId: string;

async function intervalsOf(componentId: string) {
  const rows = await prisma.componentStatusInterval.findMany({ where: { componentId }, orderBy: { startedAt: "asc" } });
  return rows.map((row) => [row.status, row.startedAt.toISOString(), row.endedAt?.toISOString() ?? null]);
}

beforeAll(async () => {
  actor = await createAdmin();
  appId = (await createComponent(actor, { name: "Web app", isVisible: true })).id;
  apiId = (await createComponent(actor, { name: "API", isVisible: true })).id;
  // Start the components' history before the incidents below.
  await prisma.componentStatusInterval.updateMany({ data: { startedAt: t("2026-11-01T00:00:00Z") } });
});

describe("an incident recorded after the fact (seed 002)", () => {
  let incidentId: string;
  const now = t("2026-11-28T12:00:00Z");

  it("opens with a start in the past and puts components in their status from then", async () => {
    incidentId = (
      await declareIncident(
        actor,
        {
          title: "Data from 27–28 November lost",
          impact: "critical",
          status: "investigating",
          message: "Customers report missing data.",
          startedAt: t("2026-11-27T01:00:00Z"),
          components: [{ componentId: appId, status: "major_outage" }],
        },
        now,
      )
    ).id;
    expect(await intervalsOf(appId)).toEqual([
      ["OPERATIONAL", "2026-11-01T00:00:00.000Z", "2026-11-27T01:00:00.000Z"],
      ["MAJOR_OUTAGE", "2026-11-27T01:00:00.000Z", null],
    ]);
    expect((await prisma.component.findUniqueOrThrow({ where: { id: appId } })).status).toBe("MAJOR_OUTAGE");
    expect(await prisma.auditLog.count({ where: { action: "incident.declared", entityId: incidentId } })).toBe(1);
  });

  it("takes backdated updates in time order and resolves with components back to operational", async () => {
    await postIncidentUpdate(
      actor,
      {
        incidentId,
        status: "identified",
        message: "Production pointed at a temporary database.",
        publishedAt: t("2026-11-28T08:30:00Z"),
        components: [],
      },
      now,
    );
    await postIncidentUpdate(
      actor,
      {
        incidentId,
        status: "monitoring",
        message: "Fixed; watching.",
        publishedAt: t("2026-11-28T08:35:00Z"),
        components: [{ componentId: appId, status: "operational" }],
      },
      now,
    );
    // Written later but describing an earlier time: it must not win.
    await postIncidentUpdate(
      actor,
      { incidentId, status: "investigating", message: "Earlier: more reports.", publishedAt: t("2026-11-27T09:00:00Z"), components: [] },
      now,
    );
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("MONITORING");

    await postIncidentUpdate(
      actor,
      {
        incidentId,
        status: "resolved",
        message: "Resolved. Please re-enter changes made between 01:00 GMT on the 27th and 08:30 GMT on the 28th.",
        publishedAt: t("2026-11-28T09:00:00Z"),
        components: [],
      },
      now,
    );
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident.status).toBe("RESOLVED");
    expect(incident.resolvedAt?.toISOString()).toBe("2026-11-28T09:00:00.000Z");
    expect(await intervalsOf(appId)).toEqual([
      ["OPERATIONAL", "2026-11-01T00:00:00.000Z", "2026-11-27T01:00:00.000Z"],
      ["MAJOR_OUTAGE", "2026-11-27T01:00:00.000Z", "2026-11-28T08:35:00.000Z"],
      ["OPERATIONAL", "2026-11-28T08:35:00.000Z", null],
    ]);
    const history = await readHistoryPage(await publicSnapshotAt(now), 1);
    expect(history!.items.map((item) => item.id)).toContain(incidentId);
  });

  it("shows the outage on the right days of the uptime bars", async () => {
    const view = await publicSnapshotAt(now);
    const app = view.groups.flatMap((group) => group.components).find((component) => component.id === appId)!;
    const appDays = uptimeDays(app.uptime);
    const days = Object.fromEntries(appDays.slice(-3).map((day) => [day.date, day.level]));
    expect(days).toEqual({ "2026-11-26": "operational", "2026-11-27": "critical", "2026-11-28": "critical" });
    expect(appDays.at(-2)!.incidents).toEqual(["Data from 27–28 November lost"]);
    expect(view.indicator).toBe("none");
  });

  it("refuses to resolve a resolved incident, and keeps internal notes out of the public view", async () => {
    await expect(postIncidentUpdate(actor, { incidentId, status: "resolved", message: "Again", components: [] }, now)).rejects.toThrow(
      ConflictError,
    );
    await addInternalNote(
      actor,
      { incidentId, message: "Root cause: the deploy script's env file.", publishedAt: t("2026-11-28T10:00:00Z") },
      now,
    );
    const operators = await findIncidentForOperators(incidentId);
    const customers = findIncident((await publicSnapshotAt(now)).incidents, incidentId);
    expect(operators!.updates.some((update) => update.isInternal)).toBe(true);
    expect(customers!.updates.some((update) => update.isInternal || update.message.includes("env file"))).toBe(false);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("RESOLVED");
  });
});

describe("bad incident input", () => {
  const now = t("2026-11-28T12:00:00Z");

  it("rejects times before the start or in the future, and unknown components, writing nothing", async () => {
    const { id } = await declareIncident(
      actor,
      {
        title: "API errors",
        impact: "minor",
        status: "investigating",
        message: "Looking.",
        startedAt: t("2026-11-28T10:00:00Z"),
        components: [],
      },
      now,
    );
    const before = postIncidentUpdate(
      actor,
      { incidentId: id, status: "identified", message: "x", publishedAt: t("2026-11-28T09:59:00Z"), components: [] },
      now,
    );
    await expect(before).rejects.toThrow(ValidationError);
    await expect(before).rejects.toMatchObject({
      fieldErrors: { publishedAt: [expect.stringContaining("earlier than the incident's start (2026-11-28 10:00 UTC)")] },
    });
    await expect(
      postIncidentUpdate(
        actor,
        { incidentId: id, status: "identified", message: "x", publishedAt: t("2026-11-28T12:05:00Z"), components: [] },
        now,
      ),
    ).rejects.toThrow(/future/);

    const incidents = await prisma.incident.count();
    await expect(
      declareIncident(
        actor,
        {
          title: "Ghost",
          impact: "minor",
          status: "investigating",
          message: "x",
          components: [{ componentId: "no-such-component", status: "major_outage" }],
        },
        now,
      ),
    ).rejects.toThrow(ValidationError);
    expect(await prisma.incident.count()).toBe(incidents);
    expect(await prisma.incidentUpdate.count({ where: { incidentId: id } })).toBe(1);
  });

  it("marks edits, keeps the old text in the audit log, and keeps the only public update", async () => {
    const { id } = await declareIncident(
      actor,
      { title: "Slow dashboard", impact: "minor", status: "investigating", message: "Typo hre.", components: [] },
      now,
    );
    const [update] = await prisma.incidentUpdate.findMany({ where: { incidentId: id } });
    await editIncidentUpdate(actor, { updateId: update!.id, message: "Typo here." });
    expect((await prisma.incidentUpdate.findUniqueOrThrow({ where: { id: update!.id } })).editedAt).not.toBeNull();
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "incident.update_edited", entityId: id } });
    expect(entry.before).toMatchObject({ message: "Typo hre." });
    await expect(deleteIncidentUpdate(actor, update!.id)).rejects.toThrow(ConflictError);
  });
});

describe("overlapping incidents", () => {
  it("closing one leaves the component in the status the other still holds it in", async () => {
    const now = t("2026-11-29T12:00:00Z");
    const dashboard = (await createComponent(actor, { name: "Dashboard", isVisible: true })).id;
    await prisma.componentStatusInterval.updateMany({ where: { componentId: dashboard }, data: { startedAt: t("2026-11-01T00:00:00Z") } });
    const first = await declareIncident(
      actor,
      {
        title: "Slow charts",
        impact: "minor",
        status: "investigating",
        message: "Slow.",
        startedAt: t("2026-11-29T10:00:00Z"),
        components: [{ componentId: dashboard, status: "degraded_performance" }],
      },
      now,
    );
    const second = await declareIncident(
      actor,
      {
        title: "Dashboard down",
        impact: "major",
        status: "investigating",
        message: "Down.",
        startedAt: t("2026-11-29T10:30:00Z"),
        components: [{ componentId: dashboard, status: "major_outage" }],
      },
      now,
    );

    await postIncidentUpdate(
      actor,
      {
        incidentId: first.id,
        status: "resolved",
        message: "Charts are fast again.",
        publishedAt: t("2026-11-29T11:00:00Z"),
        components: [],
      },
      now,
    );
    expect((await prisma.component.findUniqueOrThrow({ where: { id: dashboard } })).status).toBe("MAJOR_OUTAGE");

    await postIncidentUpdate(
      actor,
      { incidentId: second.id, status: "resolved", message: "Back.", publishedAt: t("2026-11-29T11:30:00Z"), components: [] },
      now,
    );
    expect(await intervalsOf(dashboard)).toEqual([
      ["OPERATIONAL", "2026-11-01T00:00:00.000Z", "2026-11-29T10:00:00.000Z"],
      ["DEGRADED_PERFORMANCE", "2026-11-29T10:00:00.000Z", "2026-11-29T10:30:00.000Z"],
      ["MAJOR_OUTAGE", "2026-11-29T10:30:00.000Z", "2026-11-29T11:30:00.000Z"],
      ["OPERATIONAL", "2026-11-29T11:30:00.000Z", null],
    ]);
  });
});

describe("scheduled maintenance", () => {
  it("starts and completes by the clock, with components under maintenance during the window", async () => {
    const now = new Date();
    const start = new Date(now.getTime() + 3_600_000);
    const end = new Date(now.getTime() + 2 * 3_600_000);
    const { id } = await scheduleMaintenance(
      actor,
      { title: "Database upgrade", message: "Brief read-only periods.", scheduledStart: start, scheduledEnd: end, componentIds: [apiId] },
      now,
    );
    expect(await advanceMaintenance(now)).toBe(0);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

    expect(await advanceMaintenance(new Date(start.getTime() + 60_000))).toBe(1);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
    expect((await prisma.component.findUniqueOrThrow({ where: { id: apiId } })).status).toBe("UNDER_MAINTENANCE");

    // A late clock still writes the window's own times.
    expect(await advanceMaintenance(new Date(end.getTime() + 600_000))).toBe(1);
    const done = await prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe("COMPLETED");
    expect(done.resolvedAt?.toISOString()).toBe(end.toISOString());
    const intervals = await intervalsOf(apiId);
    expect(intervals.slice(-2)).toEqual([
      ["UNDER_MAINTENANCE", start.toISOString(), end.toISOString()],
      ["OPERATIONAL", end.toISOString(), null],
    ]);
    expect(await advanceMaintenance(new Date(end.getTime() + 700_000))).toBe(0);
  });

  it("refuses a window that ends before it starts", async () => {
    const { scheduleMaintenanceSchema } = await import("@/lib/incidents/schemas");
    const result = scheduleMaintenanceSchema.safeParse({
      title: "x",
      message: "y",
      scheduledStart: "2026-12-01T10:00",
      scheduledEnd: "2026-12-01T09:00",
      componentIds: [apiId],
    });
    expect(result.error?.issues[0]).toMatchObject({ path: ["scheduledEnd"], message: "The window must end after it starts." });
  });
});
