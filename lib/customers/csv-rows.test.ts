import { describe, expect, it } from "vitest";
import { checkRecords, guessMapping } from "./csv-rows";

const components = new Map([
  ["web app", "c1"],
  ["api", "c2"],
]);

describe("customer CSV rows", () => {
  it("guesses the columns from common header names", () => {
    expect(guessMapping(["E-mail", "First Name", "Company", "Account ID", "MRR", "Currency", "Services", "Tags", "Notes"])).toEqual({
      email: 0,
      name: null,
      firstName: 1,
      company: 2,
      externalId: 3,
      plan: null,
      monthlyAmount: 4,
      currency: 5,
      components: 6,
      tags: 7,
      stripeCustomerId: null,
    });
  });

  it("reads monthly amounts in their currency's minor units and Stripe customer ids", () => {
    const mapping = guessMapping(["email", "monthly amount", "currency", "stripe customer id"]);
    const { rows, problems } = checkRecords(
      [
        ["jp@example.com", "4900", "JPY", "cus_NffrFeUfNV2Hib"],
        ["kw@example.com", "12.345", "KWD", ""],
        ["eu@example.com", "49.9", "EUR", ""],
        ["bad@example.com", "49.5", "JPY", "acct_1"],
      ],
      mapping,
      components,
    );
    expect(rows.map((row) => [row.monthlyAmountCents, row.currency, row.stripeCustomerId])).toEqual([
      [4900, "JPY", "cus_NffrFeUfNV2Hib"],
      [12345, "KWD", null],
      [4990, "EUR", null],
    ]);
    expect(problems).toEqual([
      {
        line: 5,
        problems: ["Monthly amount 49.5 has more decimals than JPY has.", "Stripe customer id “acct_1” does not look like one (cus_…)."],
      },
    ]);
  });

  it("reads good rows and names every problem of every bad row with its line", () => {
    const mapping = guessMapping(["email", "name", "account id", "monthly amount", "currency", "components", "tags"]);
    const { rows, lines, problems } = checkRecords(
      [
        ["Ada@Example.com", "Ada Lovelace", "acc-1", "1,234.50", "eur", "Web app; API", "vip, beta"],
        ["not-an-email", "Bob", "", "-5", "XYZ", "Billing", ""],
        ["ada@example.com", "Ada again", "acc-2", "", "", "", ""],
        ["carol@example.com", "", "acc-1", "10", "", "", ""],
      ],
      mapping,
      components,
    );
    expect(rows).toEqual([
      {
        email: "ada@example.com",
        name: "Ada Lovelace",
        firstName: null,
        company: null,
        externalId: "acc-1",
        plan: null,
        monthlyAmountCents: 123_450,
        currency: "EUR",
        componentIds: ["c1", "c2"],
        tags: ["vip", "beta"],
        stripeCustomerId: null,
      },
    ]);
    expect(lines).toEqual([2]);
    expect(problems).toEqual([
      {
        line: 3,
        problems: [
          "“not-an-email” is not an email address.",
          "Unknown currency “XYZ”: use a three-letter ISO code such as EUR or USD.",
          "Monthly amount cannot be negative (-5).",
          "Unknown component “Billing”: use the names on your status page.",
        ],
      },
      { line: 4, problems: ["ada@example.com is also on line 2; each customer once per file."] },
      { line: 5, problems: ["A monthly amount needs a currency.", "Account id acc-1 is also on line 2."] },
    ]);
  });

  it("names the line of a cell with a NUL byte, which PostgreSQL cannot store", () => {
    const mapping = guessMapping(["email", "name", "company"]);
    const { rows, problems } = checkRecords(
      [
        ["ada@example.com", "Ada", "Acme"],
        ["bob@example.com", "Bob", "Ac\u0000me"],
      ],
      mapping,
      components,
    );
    expect(rows.map((row) => row.email)).toEqual(["ada@example.com"]);
    expect(problems).toEqual([
      {
        line: 3,
        problems: [
          "Column 3 contains a NUL character (byte 0), which cannot be stored. Remove it, or export the file again as UTF-8 text.",
        ],
      },
    ]);
  });
});
