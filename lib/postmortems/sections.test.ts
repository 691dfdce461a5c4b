import { describe, expect, it } from "vitest";
import { formatInZone } from "./format-time";
import { countInternalNoteMarks, internalNoteLine } from "./prefill";
import { normaliseSections, visibleSections } from "./sections";

describe("postmortem sections", () => {
  it("fills missing sections in order and shows only those neither hidden nor empty", () => {
    const sections = normaliseSections([
      { key: "closing", body: "Sorry." },
      { key: "summary", body: "What happened." },
      { key: "impact", body: "All of it", hidden: true },
      { key: "timeline", body: "  \n" },
    ]);
    expect(sections.map((section) => section.key)).toEqual([
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
    expect(visibleSections({ sections }).map((section) => section.key)).toEqual(["summary", "closing"]);
  });

  it("writes times in the page's zone and marks imported internal notes", () => {
    expect(formatInZone(new Date("2016-09-27T01:00:00Z"), "UTC")).toBe("27 Sep 2016, 01:00 UTC");
    expect(formatInZone(new Date("2016-09-27T01:00:00Z"), "Europe/London")).toBe("27 Sep 2016, 02:00 BST");
    expect(formatInZone(new Date("2016-12-01T23:30:00Z"), "Europe/London")).toBe("1 Dec 2016, 23:30 GMT");
    const line = internalNoteLine({ message: "Root cause:\n\n**env file**", publishedAt: new Date("2016-09-28T08:32:00Z") }, "UTC");
    expect(line).toBe("- **28 Sep 2016, 08:32 UTC** — (internal note) Root cause: env file");
    expect(countInternalNoteMarks(`a\n${line}\n${line}`)).toBe(2);
  });
});
