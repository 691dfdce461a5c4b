import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { createComponent } from "@/lib/components/save-component";
import { exportCustomersCsv } from "@/lib/customers/export-csv";
import { CSV_MAX_BYTES } from "@/lib/customers/csv-rows";
import { importCustomers, previewCustomerImport } from "@/lib/customers/import-csv";
import { saveCustomer } from "@/lib/customers/save-customer";
import { unsubscribeCustomer } from "@/lib/customers/unsubscribe";
import { createAdmin } from "../support/factories";

let admin: { id: string; email: string };

const GOOD = [
  "Email;First name;Name;Company;Account ID;Plan;MRR;Currency;Services;Tags",
  "rich@leavewizard.test;Rich;Rich Allen;LeaveWizard;acc-1;pro;49.00;GBP;Web app;admin, uk",
  "ann@acme.test;Ann;Ann Lee;Acme;acc-2;free;;;;",
].join("\n");

beforeAll(async () => {
  admin = await createAdmin();
  await createComponent(admin, { name: "Web app", isVisible: true });
  await createComponent(admin, { name: "API", isVisible: true });
});

describe("CSV import", () => {
  it("previews with a guessed mapping, then imports in one go", async () => {
    const preview = await previewCustomerImport(GOOD, null);
    expect(preview).toMatchObject({
      total: 2,
      valid: 2,
      invalid: 0,
      toCreate: 2,
      toUpdate: 0,
      mapping: { email: 0, firstName: 1, monthlyAmount: 6, components: 8 },
    });
    expect(await importCustomers(admin, { text: GOOD, mapping: null, skipBadRows: false })).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      skippedLines: [],
    });
    const rich = await prisma.customer.findUniqueOrThrow({
      where: { email: "rich@leavewizard.test" },
      include: { components: { include: { component: true } } },
    });
    expect(rich).toMatchObject({
      firstName: "Rich",
      monthlyAmountCents: 4900,
      currency: "GBP",
      tags: ["admin", "uk"],
      externalId: "acc-1",
    });
    expect(rich.components.map((link) => link.component.name)).toEqual(["Web app"]);
  });

  it("upserts by account id (a changed email), else by email, touching only the columns in the file", async () => {
    const update = [
      "account id,email,plan",
      "acc-1,rich.allen@leavewizard.test,enterprise",
      ",ann@acme.test,pro",
      ",new@acme.test,free",
    ].join("\n");
    expect(await previewCustomerImport(update, null)).toMatchObject({ toCreate: 1, toUpdate: 2 });
    expect(await importCustomers(admin, { text: update, mapping: null, skipBadRows: false })).toMatchObject({ created: 1, updated: 2 });
    const rich = await prisma.customer.findUniqueOrThrow({ where: { externalId: "acc-1" } });
    expect(rich).toMatchObject({
      email: "rich.allen@leavewizard.test",
      plan: "enterprise",
      firstName: "Rich",
      monthlyAmountCents: 4900,
      tags: ["admin", "uk"],
    });
    expect(await prisma.customer.count()).toBe(3);
  });

  it("lists every bad row with its line and imports nothing unless told to skip them", async () => {
    const bad = [
      "email,name,monthly amount,currency",
      "good@acme.test,Good,10,EUR",
      "bad-email,Bad,,",
      "neg@acme.test,Neg,-5,EUR",
      "good@acme.test,Again,,",
    ].join("\n");
    const preview = await previewCustomerImport(bad, null);
    expect(preview.problems).toEqual([
      { line: 3, problems: ["“bad-email” is not an email address."] },
      { line: 4, problems: ["Monthly amount cannot be negative (-5)."] },
      { line: 5, problems: ["good@acme.test is also on line 2; each customer once per file."] },
    ]);
    const before = await prisma.customer.count();
    await expect(importCustomers(admin, { text: bad, mapping: null, skipBadRows: false })).rejects.toThrow(
      /^3 rows have problems \(the first is line 3: “bad-email” is not an email address\.\)/,
    );
    expect(await prisma.customer.count()).toBe(before);
    expect(await importCustomers(admin, { text: bad, mapping: null, skipBadRows: true })).toEqual({
      created: 1,
      updated: 0,
      skipped: 3,
      skippedLines: [3, 4, 5],
    });
  });

  it("explains files it cannot read: no email column, wrong encoding, too large, empty, one column", async () => {
    const message = async (text: string) => (await previewCustomerImport(text, null).catch((error: unknown) => error)) as ValidationError;
    expect((await message("name,company\nAnn,Acme")).message).toMatch(/^No column holds email addresses/);
    const latin1 = Buffer.from("email,name\nzoe@acme.test,Zo\xe9\n", "latin1").toString("utf8");
    expect((await message(latin1)).message).toMatch(/not UTF-8.*CSV UTF-8/);
    expect((await message("email\n" + "x".repeat(CSV_MAX_BYTES))).message).toBe(
      "The file is larger than 10 MB. Split it into smaller files.",
    );
    expect((await message("  \n")).message).toBe("The file is empty.");
    expect((await message("email,name\n")).message).toBe("The file has a header row but no customers.");
    expect((await message("name\nAnn\nBob")).message).toMatch(/^Only one column was found/);
    expect(await message("email,name\nann@acme.test,Ann")).toMatchObject({ valid: 1 });
  });

  it("exports CSV that imports back unchanged, with spreadsheet formulas defused", async () => {
    await saveCustomer(admin, { email: "formula@acme.test", name: '=HYPERLINK("x")', componentIds: [] });
    await unsubscribeCustomer("ann@acme.test", "link");
    const csv = await exportCustomersCsv();
    const [headers, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    expect(headers).toEqual([
      "email",
      "name",
      "first_name",
      "company",
      "account_id",
      "plan",
      "monthly_amount",
      "currency",
      "components",
      "tags",
      "unsubscribed_at",
      "bounced_at",
      "stripe_customer_id",
    ]);
    expect(rows.find((row) => row[0] === "formula@acme.test")![1]).toBe('\'=HYPERLINK("x")');
    expect(rows.find((row) => row[0] === "rich.allen@leavewizard.test")!.slice(4, 10)).toEqual([
      "acc-1",
      "enterprise",
      "49.00",
      "GBP",
      "Web app",
      "admin; uk",
    ]);
    expect(rows.find((row) => row[0] === "ann@acme.test")![10]).not.toBe("");
    const counts = await prisma.customer.count();
    expect(await importCustomers(admin, { text: csv, mapping: null, skipBadRows: false })).toMatchObject({ created: 0, updated: counts });
  });
});
