import { describe, expect, it } from "vitest";
import { compareContents } from "./compare";
import { normaliseSections, type PostmortemContent } from "./sections";

const base: PostmortemContent = { title: "T", sections: normaliseSections([]), actionItems: [] };
const withSummary = (body: string, hidden = false): PostmortemContent => ({
  ...base,
  sections: base.sections.map((section) => (section.key === "summary" ? { ...section, body, hidden } : section)),
});

describe("compareContents", () => {
  it("reads a rewritten phrase as one removal and one addition, keeping long unchanged text", () => {
    const [, summary] = compareContents(
      withSummary("The first sign was users having to reset their passwords."),
      withSummary("Users had to reset their passwords."),
    );
    expect(summary!.parts).toEqual([
      { kind: "removed", text: "The first sign was users having " },
      { kind: "added", text: "Users had " },
      { kind: "same", text: "to reset their passwords." },
    ]);
  });

  it("reports a section hidden or shown, and action items as lines", () => {
    const fields = compareContents(
      withSummary("Same"),
      { ...withSummary("Same", true), actionItems: [{ id: "1", description: "Check config", owner: "Ops", state: "done" }] },
      { before: "revision 1", after: "revision 2" },
    );
    expect(fields.filter((field) => field.changed).map((field) => [field.label, field.visibility])).toEqual([
      ["Summary", "Shown in revision 1, hidden in revision 2."],
      ["Action items", null],
    ]);
    expect(fields.at(-1)!.parts).toEqual([{ kind: "added", text: "Check config — Done, Ops" }]);
  });
});
