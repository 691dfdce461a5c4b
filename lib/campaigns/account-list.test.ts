import { describe, expect, it } from "vitest";
import { parseAccountList } from "./account-list";

describe("parseAccountList", () => {
  it("reads one per line, or separated by commas, semicolons, tabs or spaces, once each", () => {
    expect(parseAccountList("acc-001\nacc-101\r\n\nadmin4@customer4.test\nacc-001\n")).toEqual([
      "acc-001",
      "acc-101",
      "admin4@customer4.test",
    ]);
    expect(parseAccountList("acc-1, acc-2; acc-3")).toEqual(["acc-1", "acc-2", "acc-3"]);
    expect(parseAccountList("acc-1;acc-2;acc-3")).toEqual(["acc-1", "acc-2", "acc-3"]);
    expect(parseAccountList("acc-1\tacc-2")).toEqual(["acc-1", "acc-2"]);
    expect(parseAccountList("acc-1 acc-2")).toEqual(["acc-1", "acc-2"]);
    expect(parseAccountList("  \n ")).toEqual([]);
  });

  it("reads a file exported from a spreadsheet: quoted cells lose their quotes", () => {
    expect(parseAccountList('"acc-7","ann@example.com"\n"acc-8","bo@example.com"\n')).toEqual([
      "acc-7",
      "ann@example.com",
      "acc-8",
      "bo@example.com",
    ]);
  });
});
