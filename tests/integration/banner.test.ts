import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { findShowingBanner } from "@/lib/banner/incident-banner";
import { listBannerVersions } from "@/lib/banner/queries";
import { publishBanner, republishBannerVersion } from "@/lib/banner/publish-banner";
import { bannerSchema } from "@/lib/banner/schemas";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { createAdmin } from "../support/factories";

let actor: { id: string; email: string };
const later = (ms: number) => new Date(Date.now() + ms);
/** The banner a login page would get at `now`, as the public snapshot computes it. */
const publicBannerAt = async (now: Date) => (await buildPublicSnapshot(await readSnapshotVersion(), now)).banner;

beforeAll(async () => {
  actor = await createAdmin();
});

describe("the sign-in banner (seed 002: placed, amended twice, cleared)", () => {
  it("keeps every version with its author, audits each change, and serves only the current one", async () => {
    await publishBanner(actor, {
      kind: "publish",
      input: bannerSchema.parse({ message: "We are investigating **missing data**.", severity: "warning" }),
    });
    await publishBanner(actor, {
      kind: "publish",
      input: bannerSchema.parse({ message: "Data changed since 01:00 GMT on the 27th may be missing.", severity: "critical" }),
    });
    await publishBanner(actor, {
      kind: "publish",
      input: bannerSchema.parse({
        message: "Please re-enter changes made between 01:00 GMT on the 27th and 08:30 GMT on the 28th.",
        severity: "critical",
        linkUrl: "https://status.example.com/incidents/x",
        linkLabel: "What happened",
      }),
    });
    const banner = await publicBannerAt(later(2_000));
    expect(banner).toMatchObject({
      version: 3,
      severity: "critical",
      link: { url: "https://status.example.com/incidents/x", label: "What happened" },
    });
    expect(banner!.message_text).toBe("Please re-enter changes made between 01:00 GMT on the 27th and 08:30 GMT on the 28th.");

    await publishBanner(actor, { kind: "clear" });
    expect(await publicBannerAt(later(4_000))).toBeNull();
    const versions = await listBannerVersions();
    expect(versions.map((version) => [version.version, version.isCleared, version.authorName])).toEqual([
      [4, true, "Ada"],
      [3, false, "Ada"],
      [2, false, "Ada"],
      [1, false, "Ada"],
    ]);
    const actions = await prisma.auditLog.findMany({
      where: { entityType: "banner" },
      orderBy: { createdAt: "asc" },
      select: { action: true, before: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["banner.published", "banner.amended", "banner.amended", "banner.cleared"]);
    expect(actions[1]!.before).toMatchObject({ message: "We are investigating **missing data**.", severity: "warning" });

    await expect(publishBanner(actor, { kind: "clear" })).rejects.toThrow(ValidationError);
    await republishBannerVersion(actor, versions[2]!.id);
    expect(await publicBannerAt(later(6_000))).toMatchObject({
      version: 5,
      message_text: "Data changed since 01:00 GMT on the 27th may be missing.",
    });
  });

  it("escapes HTML in the message: no markup but bold, italics, code and safe links reaches a login page", async () => {
    await publishBanner(actor, {
      kind: "publish",
      input: bannerSchema.parse({ message: '<img src=x onerror="alert(1)"> [x](javascript:alert(2)) **ok**', severity: "info" }),
    });
    const banner = await publicBannerAt(later(8_000));
    expect(banner!.message_html).not.toMatch(/<img|onerror=|javascript:/i);
    expect(banner!.message_html).toContain("<strong>ok</strong>");
  });

  it("appears and disappears by its schedule", async () => {
    const startsAt = later(60_000);
    const endsAt = later(120_000);
    await publishBanner(actor, { kind: "publish", input: { message: "Maintenance tonight.", severity: "info", startsAt, endsAt } });
    expect(await publicBannerAt(later(30_000))).toBeNull();
    expect(await publicBannerAt(later(90_000))).toMatchObject({ message_text: "Maintenance tonight." });
    expect(await publicBannerAt(later(150_000))).toBeNull();
  });

  it("refuses bad input with messages beside the fields, saving nothing", async () => {
    const count = await prisma.bannerVersion.count();
    const result = bannerSchema.safeParse({
      message: "",
      severity: "loud",
      linkUrl: "javascript:alert(1)",
      startsAt: "2026-12-01T10:00",
      endsAt: "2026-12-01T09:00",
    });
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(fields).toMatchObject({
      message: "Write the message your product's sign-in page should show.",
      severity: "Choose info, warning or critical.",
      linkUrl: expect.stringContaining("Use a full http(s) link"),
    });
    expect(bannerSchema.safeParse({ message: "x".repeat(501), severity: "info" }).error!.issues[0]!.message).toMatch(/500 characters/);
    expect(
      bannerSchema.safeParse({ message: "x", severity: "info", startsAt: "2026-12-01T10:00", endsAt: "2026-12-01T09:00" }).error!.issues[0],
    ).toMatchObject({ path: ["endsAt"] });
    await expect(
      publishBanner(actor, { kind: "publish", input: { message: "x", severity: "info", incidentId: "no-such-incident" } }),
    ).rejects.toThrow(ValidationError);
    expect(await prisma.bannerVersion.count()).toBe(count);
  });

  it("is set together with a declared incident when asked, linked to it, replacing the banner showing", async () => {
    const showing = await findShowingBanner();
    const { id } = await declareIncident(actor, {
      replaceBanner: showing?.version,
      title: "Login down",
      impact: "critical",
      status: "investigating",
      message: "Down.",
      components: [],
      setBanner: true,
      bannerMessage: "Sign-in is down; we are on it.",
    });
    const banner = await publicBannerAt(later(200_000));
    expect(banner).toMatchObject({ severity: "critical", message_text: "Sign-in is down; we are on it." });
    expect(banner!.incident_url).toMatch(new RegExp(`/incidents/${id}$`));
  });
});
