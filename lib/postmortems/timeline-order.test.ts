import { describe, expect, it } from "vitest";
import { internalNoteLine } from "./prefill";
import { insertInTimeOrder } from "./timeline-order";

describe("insertInTimeOrder", () => {
  const timeline = [
    "- **27 Sep 2016, 01:00 BST** — Investigating: users cannot sign in",
    "- **28 Sep 2016, 08:30 BST** — Identified: wrong database",
    "- **28 Sep 2016, 08:35 BST** — Resolved",
  ].join("\n");

  it("puts an imported internal note between the lines before and after its time", () => {
    const note = internalNoteLine({ message: "Root cause: env file", publishedAt: new Date("2016-09-28T07:32:00Z") }, "Europe/London");
    expect(insertInTimeOrder(timeline, note).split("\n")).toEqual([
      "- **27 Sep 2016, 01:00 BST** — Investigating: users cannot sign in",
      "- **28 Sep 2016, 08:30 BST** — Identified: wrong database",
      "- **28 Sep 2016, 08:32 BST** — (internal note) Root cause: env file",
      "- **28 Sep 2016, 08:35 BST** — Resolved",
    ]);
  });

  it("orders across months and years, after lines of the same minute, and appends after the last", () => {
    const early = "- **30 Dec 2015, 23:00 UTC** — (internal note) first";
    expect(insertInTimeOrder(timeline, early).split("\n")[0]).toBe(early);
    const same = "- **28 Sep 2016, 08:30 BST** — (internal note) same minute";
    expect(insertInTimeOrder(timeline, same).split("\n")[2]).toBe(same);
    const late = "- **1 Oct 2016, 09:00 BST** — (internal note) later";
    expect(insertInTimeOrder(timeline, late).split("\n").at(-1)).toBe(late);
    expect(insertInTimeOrder("", late)).toBe(late);
    expect(insertInTimeOrder("Some prose the operator wrote.\n", late)).toBe(`Some prose the operator wrote.\n${late}`);
  });
});
