// Admin → Subscribers: counts by state, search, CSV export and import, with
// and without the audited "these people consented" tick.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { exportSubscribersCsv } from "@/lib/subscribers/export-csv";
import { importSubscribers } from "@/lib/subscribers/import-csv";
import { countSubscribersByState, listSubscribers } from "@/lib/subscribers/queries";
import { createAdmin } from "../support/factories";

let admin: { id: string; email: string };
let api: string;

beforeAll(async () => {
  admin = await createAdmin();
  api = (await createComponent(admin, { name: "API", isVisible: true })).id;
});

describe("admin subscribers", () => {
  it("refuses a file with problems unless told to skip them, and imports nothing half", async () => {
    const csv = "email,components\ngood@example.com,API\nnot-an-address,\nother@example.com,Unknown thing\n";
    const refused = await importSubscribers(admin, { csv, hasConsent: true, skipProblems: false });
    expect(refused).toMatchObject({ added: 0, problems: [{ line: 3 }, { line: 4, message: "Unknown component: unknown thing." }] });
    expect(await prisma.subscriber.count()).toBe(0);
    await expect(importSubscribers(admin, { csv: "name\nx\n", hasConsent: false, skipProblems: true })).rejects.toMatchObject({
      status: 422,
    });
  });

  it("imports with consent as confirmed (audited), otherwise as pending with a confirmation email each", async () => {
    const consented = await importSubscribers(admin, {
      csv: "email,components\nyes@example.com,API\n",
      hasConsent: true,
      skipProblems: false,
    });
    expect(consented.added).toBe(1);
    expect(await prisma.subscriber.findUniqueOrThrow({ where: { email: "yes@example.com" }, include: { components: true } })).toMatchObject(
      {
        state: "CONFIRMED",
        allComponents: false,
        components: [{ componentId: api }],
      },
    );
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "subscriber.imported" } });
    expect(audit.after).toMatchObject({ added: 1, consentConfirmedByAdmin: true });

    const report = await importSubscribers(admin, {
      csv: "Email\nask1@example.com\nask2@example.com\nyes@example.com\n",
      hasConsent: false,
      skipProblems: false,
    });
    expect(report).toMatchObject({ added: 2, alreadyKnown: 1 });
    const confirmations = await prisma.outboxMessage.findMany({
      where: { kind: "notice", recipient: { in: ["ask1@example.com", "ask2@example.com"] } },
    });
    expect(confirmations).toHaveLength(2);
    const [first, second] = confirmations.map((row) => (row.payload as { text: string }).text);
    expect(first).toMatch(/\/subscription\?confirm=[A-Za-z0-9_-]{43}/);
    expect(first).not.toBe(second);
  });

  it("counts by state, searches, and exports what it imports", async () => {
    expect(await countSubscribersByState()).toEqual({ pending: 2, confirmed: 1, unsubscribed: 0, bounced: 0 });
    expect((await listSubscribers({ search: "ASK" })).rows.map((row) => row.email).sort()).toEqual([
      "ask1@example.com",
      "ask2@example.com",
    ]);
    expect((await listSubscribers({ state: "confirmed" })).rows).toEqual([
      expect.objectContaining({ email: "yes@example.com", components: ["API"], isImported: true }),
    ]);
    const exported = Papa.parse<Record<string, string>>((await exportSubscribersCsv()).trim(), { header: true }).data;
    expect(exported.map((row) => [row.email, row.state, row.components])).toEqual([
      ["ask1@example.com", "pending", ""],
      ["ask2@example.com", "pending", ""],
      ["yes@example.com", "confirmed", "API"],
    ]);
  });
});
