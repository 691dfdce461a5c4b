import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import type { IncidentView } from "../incidents/queries";
import { buildHistoryAtom, buildHistoryRss, type FeedSource } from "./history-feed";

const BASE = "https://status.example.com";
// From the audit: closes the CDATA section, adds an XHTML script and a link of its own, reopens a title.
const HOSTILE_TITLE =
  'X]]></title><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script><link href="https://evil.example/phish"/><title><![CDATA[Y ]]> <img src=x onerror=alert(2)>';
const HOSTILE_COMPONENT = "API ]]></summary><img src=x onerror=alert(3)> & co";

function source(): FeedSource {
  const at = new Date("2026-11-28T08:30:00Z");
  const incident: IncidentView = {
    id: "inc1",
    kind: "incident",
    title: HOSTILE_TITLE,
    impact: "major",
    status: "identified",
    startedAt: at,
    resolvedAt: null,
    scheduledStart: null,
    scheduledEnd: null,
    isDemo: false,
    createdAt: at,
    updatedAt: at,
    components: [{ id: "c1", name: HOSTILE_COMPONENT, status: "major_outage" }],
    updates: [
      {
        id: "u1",
        status: "identified",
        message: "We found it.",
        isInternal: false,
        publishedAt: at,
        editedAt: null,
        authorName: null,
        createdAt: at,
        updatedAt: at,
        componentChanges: [],
      },
    ],
  };
  return { changedAt: at, incidents: [incident], settings: { pageName: "Acme <status>", effectivePublicUrl: BASE } };
}

describe("the history feeds", () => {
  it.each([
    ["RSS", buildHistoryRss],
    ["Atom", buildHistoryAtom],
  ])("carry a hostile title and component name as text, with Candor's link (%s)", (_kind, build) => {
    const xml = build(source());
    const feed = parseFeed(xml);
    expect(feed.title).toBe("Acme <status>: incident history");
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe(`${HOSTILE_TITLE} (Identified)`);
    expect(item!.url).toBe(`${BASE}/incidents/inc1`);
    expect(xml).not.toContain('https://evil.example/phish"/>');
    expect(xml).not.toMatch(/<img|<x:script|<!\[CDATA/);
    expect(item!.description).toBe(`Incident: Identified · ${HOSTILE_COMPONENT}`);
    expect(item!.content).toContain("We found it.");
  });

  it("leaves out characters XML cannot carry instead of writing a broken document", () => {
    const withControl = source();
    withControl.incidents[0]!.title = "Outage\u0000\u0008 now";
    expect(parseFeed(buildHistoryAtom(withControl)).items[0]!.title).toBe("Outage now (Identified)");
  });
});
