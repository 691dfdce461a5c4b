import { describe, expect, it } from "vitest";
import { mirrorFileOf, relativeUrl, rewriteLink } from "./layout";

describe("mirror layout", () => {
  it("stores pages as folders with an index.html and history pages under path URLs", () => {
    expect(mirrorFileOf("/")).toBe("index.html");
    expect(mirrorFileOf("/history")).toBe("history/index.html");
    expect(mirrorFileOf("/history?page=3")).toBe("history/3/index.html");
    expect(mirrorFileOf("/incidents/abc")).toBe("incidents/abc/index.html");
    expect(mirrorFileOf("/incidents/abc/postmortem")).toBe("incidents/abc/postmortem/index.html");
  });

  it("keeps the path of feeds, JSON and assets, and holds nothing with a query or a parent step", () => {
    expect(mirrorFileOf("/api/v2/summary.json")).toBe("api/v2/summary.json");
    expect(mirrorFileOf("/api/banner")).toBe("api/banner");
    expect(mirrorFileOf("/_next/static/chunks/a.css")).toBe("_next/static/chunks/a.css");
    expect(mirrorFileOf("/unsubscribe?a=1")).toBeNull();
    expect(mirrorFileOf("/../etc/passwd")).toBeNull();
  });

  it("makes relative URLs that work at any prefix", () => {
    expect(relativeUrl("index.html", "")).toBe("./");
    expect(relativeUrl("incidents/a/index.html", "")).toBe("../../");
    expect(relativeUrl("history/2/index.html", "history/3/")).toBe("../../history/3/");
  });

  it("links into the mirror when it holds the target and to Candor's origin otherwise", () => {
    const held = new Set(["/", "/history?page=2", "/incidents/a", "/icon.svg"]);
    const context = { file: "history/index.html", has: (path: string) => held.has(path), publicUrl: "https://status.example.com" };
    expect(rewriteLink("/history?page=2", context)).toBe("../history/2/");
    expect(rewriteLink("/incidents/a#update-1", context)).toBe("../incidents/a/#update-1");
    expect(rewriteLink("https://status.example.com/incidents/a", context)).toBe("../incidents/a/");
    expect(rewriteLink("/icon.svg?icon.123.svg", context)).toBe("../icon.svg");
    expect(rewriteLink("/sign-in", context)).toBe("https://status.example.com/sign-in");
    expect(rewriteLink("https://example.org/", context)).toBe("https://example.org/");
  });
});
