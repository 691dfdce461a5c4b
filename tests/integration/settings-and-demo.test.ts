import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { hasDemoData, removeDemoData } from "@/lib/demo/remove-demo";
import { seedDemoOnFirstStart } from "@/lib/demo/seed-demo";
import { listPublishedPostmortems } from "@/lib/postmortems/queries";
import { listPublicComponentGroups } from "@/lib/components/queries";
import { listOpenIncidents } from "@/lib/incidents/queries";
import { pageSettingsSchema } from "@/lib/settings/schemas";
import { getPageSettings } from "@/lib/settings/queries";
import { updatePageSettings } from "@/lib/settings/update-settings";
import { createAdmin } from "../support/factories";

describe("demo data", () => {
  it("is seeded on the first start only, and removed without touching the operator's own components", async () => {
    expect(await seedDemoOnFirstStart()).toBe(true);
    expect(await seedDemoOnFirstStart()).toBe(false);
    const groups = await listPublicComponentGroups();
    expect(groups.map((group) => group.name)).toEqual(["Core platform", "Integrations"]);
    expect(await prisma.incident.findFirstOrThrow()).toMatchObject({ status: "RESOLVED", isDemo: true });
    expect(await listOpenIncidents()).toEqual([]);
    const ids = (await prisma.incident.findMany({ select: { id: true } })).map((incident) => incident.id);
    const postmortem = (await listPublishedPostmortems(ids))[0]!;
    expect(postmortem.sections.map((section) => section.key)).toEqual([
      "summary",
      "impact",
      "timeline",
      "root_cause",
      "detection",
      "resolution",
      "customer_actions",
      "prevention",
      "closing",
    ]);
    expect(postmortem.sections[2]!.body).toMatch(
      /^- \*\*\d+ \w{3} \d{4}, \d\d:\d\d UTC\*\* — Investigating: We are seeing elevated error rates/,
    );

    const own = await prisma.component.create({ data: { name: "Our API" } });
    const admin = await createAdmin();
    expect(await removeDemoData(admin)).toEqual({ components: 5, incidents: 1 });
    expect(await hasDemoData()).toBe(false);
    expect(await prisma.component.findMany({ select: { id: true } })).toEqual([{ id: own.id }]);
    expect(await prisma.componentStatusInterval.count()).toBe(0);
    expect(await prisma.postmortem.count()).toBe(0);
    // The settings row stays, so a restart does not bring the demo back.
    expect(await seedDemoOnFirstStart()).toBe(false);
  });
});

describe("page settings", () => {
  it("saves valid settings and audits only the fields that changed", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const input = pageSettingsSchema.parse({
      pageName: "Acme status",
      publicUrl: "https://status.acme.test",
      logoUrl: "",
      brandColor: "#AA3300",
      supportEmail: "help@acme.test",
      timeZone: "Europe/London",
    });
    await updatePageSettings(admin, input);
    expect(await getPageSettings()).toMatchObject({ brandColor: "#aa3300", effectivePublicUrl: "https://status.acme.test", logoUrl: null });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "settings.updated" }, orderBy: { createdAt: "desc" } });
    expect(entry.before).toEqual({ publicUrl: null, brandColor: "#2563eb", supportEmail: null, timeZone: "UTC" });
    expect(entry.after).toEqual({
      publicUrl: "https://status.acme.test",
      brandColor: "#aa3300",
      supportEmail: "help@acme.test",
      timeZone: "Europe/London",
    });

    const before = await prisma.auditLog.count();
    await updatePageSettings(admin, input);
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("rejects bad settings with messages that say how to fix them", () => {
    const result = pageSettingsSchema.safeParse({
      pageName: "",
      publicUrl: "javascript:alert(1)",
      brandColor: "blue",
      supportEmail: "nope",
      timeZone: "Mars/Olympus",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      pageName: "Enter the page name.",
      publicUrl: "Enter a full http(s) URL like https://status.example.com.",
      brandColor: "Use a hex colour like #2563eb.",
      supportEmail: "Enter an email address like support@example.com.",
      timeZone: "Choose a time zone from the list, e.g. Europe/London.",
    });
  });
});
