import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { findShowingBanner } from "@/lib/banner/incident-banner";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { declareIncidentSchema, postUpdateSchema } from "@/lib/incidents/schemas";
import { createAdmin } from "../support/factories";

// Seed 002: the banner placed with the incident, amended as the team learned
// more, cleared when it was over; and a second incident that must not
// silently take the first one's banner.
let actor: { id: string; email: string };
const current = () => prisma.bannerVersion.findFirstOrThrow({ orderBy: { version: "desc" } });

const declare = (fields: Record<string, unknown>) =>
  declareIncident(
    actor,
    declareIncidentSchema.parse({ status: "investigating", message: "Looking into it.", components: [], setBanner: "on", ...fields }),
  );

beforeAll(async () => {
  actor = await createAdmin();
});

describe("the banner follows the incident", () => {
  let lostData: string;

  it("takes a critical banner by default for a major or critical incident, linked to it", async () => {
    lostData = (await declare({ title: "Data lost", impact: "major", bannerMessage: "Some data may be missing." })).id;
    expect(await current()).toMatchObject({ severity: "CRITICAL", incidentId: lostData, message: "Some data may be missing." });
    const minor = declareIncidentSchema.parse({
      title: "x",
      impact: "minor",
      status: "investigating",
      message: "m",
      components: [],
      setBanner: "on",
      bannerMessage: "b",
    });
    expect(minor.bannerSeverity).toBe("warning");
  });

  it("amends the banner from an update, and refuses to let a second incident replace it without asking", async () => {
    await postIncidentUpdate(
      actor,
      postUpdateSchema.parse({
        incidentId: lostData,
        status: "identified",
        message: "Production pointed at the wrong database.",
        components: [],
        updateBanner: "on",
        bannerMessage: "Please re-enter changes made between 01:00 on the 27th and 08:30 on the 28th.",
        bannerSeverity: "critical",
      }),
    );
    const amended = await current();
    expect(amended).toMatchObject({
      incidentId: lostData,
      message: "Please re-enter changes made between 01:00 on the 27th and 08:30 on the 28th.",
    });

    const second = declare({ title: "Slow exports", impact: "minor", bannerMessage: "Exports are slow." });
    await expect(second).rejects.toThrow(ValidationError);
    await expect(second).rejects.toMatchObject({
      fieldErrors: { replaceBanner: [expect.stringContaining("“Data lost”")] },
    });
    expect((await current()).id).toBe(amended.id);
    expect(await prisma.incident.count({ where: { title: "Slow exports" } })).toBe(0);

    const showing = await findShowingBanner();
    expect(showing).toMatchObject({ version: amended.version, incidentTitle: "Data lost" });
    // Asked and answered: replacing the banner version the operator saw.
    await declare({ title: "Slow exports", impact: "minor", bannerMessage: "Exports are slow.", replaceBanner: String(amended.version) });
    expect(await current()).toMatchObject({ message: "Exports are slow.", severity: "WARNING" });
  });

  it("clears on resolution the banner version the operator saw, and nothing else", async () => {
    const exportsId = (await prisma.incident.findFirstOrThrow({ where: { title: "Slow exports" } })).id;
    // The banner showing is the exports incident's: resolving the other one leaves it.
    await postIncidentUpdate(
      actor,
      postUpdateSchema.parse({ incidentId: lostData, status: "resolved", message: "Resolved.", components: [] }),
    );
    const showing = await current();
    expect(showing).toMatchObject({ isCleared: false, message: "Exports are slow." });
    const resolveExports = (clearBanner: string) =>
      postIncidentUpdate(
        actor,
        postUpdateSchema.parse({ incidentId: exportsId, status: "resolved", message: "Fast again.", components: [], clearBanner }),
      );
    await expect(resolveExports(String(showing.version - 1))).rejects.toMatchObject({
      fieldErrors: { clearBanner: [expect.stringContaining("changed since")] },
    });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: exportsId } })).status).toBe("INVESTIGATING");
    await resolveExports(String(showing.version));
    expect(await current()).toMatchObject({ isCleared: true });
    expect(await prisma.auditLog.count({ where: { action: "banner.cleared" } })).toBe(1);
  });
});
