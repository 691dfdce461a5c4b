import { describe, expect, it } from "vitest";
import { classifyPublicRequest, isDecodablePath } from "./routes";

const known = (id: string) => id === "inc1";
const classify = (url: string) => classifyPublicRequest(url, known);

describe("classifyPublicRequest", () => {
  it("keys public pages by path and drops queries that do not change them", () => {
    expect(classify("/")).toEqual({ key: "/", renderPath: "/", kind: "page" });
    expect(classify("/?utm_source=mail&x=1")?.key).toBe("/");
    expect(classify("/history?page=3&utm=1")?.key).toBe("/history?page=3");
    expect(classify("/history?page=1")?.key).toBe("/history");
    expect(classify("/history?page=-2")?.key).toBe("/history");
    expect(classify("/history?page=abc")?.key).toBe("/history");
    expect(classify("/history?page=99999999")?.key).toBe("/history");
    expect(classify("/api/v2/summary.json")?.key).toBe("/api/v2/summary.json");
    expect(classify("/api/v2/scheduled-maintenances/active.json")?.key).toBe("/api/v2/scheduled-maintenances/active.json");
    expect(classify("/history.rss")?.kind).toBe("page");
    expect(classify("/api/banner?callback=x")?.key).toBe("/api/banner");
  });

  it("keeps two entries per logo variant whatever the hash, so the cache cannot be filled with hashes", () => {
    expect(classify("/logo/light")).toEqual({ key: "/logo/light", renderPath: "/logo/light", kind: "page" });
    expect(classify("/logo/dark?v=0123456789abcdef")).toEqual({ key: "/logo/dark?v=1", renderPath: "/logo/dark?v=1", kind: "page" });
    expect(classify("/logo/dark?v=another")?.key).toBe("/logo/dark?v=1");
    expect(classify("/logo/sepia")).toBeNull();
  });

  it("shares one entry, the history's 404, for every page past the last", () => {
    const past = { key: "/history?page=past", renderPath: "/history?page=4", kind: "page" };
    expect(classifyPublicRequest("/history?page=5000", known, 3)).toEqual(past);
    expect(classifyPublicRequest("/history?page=4", known, 3)).toEqual(past);
    expect(classifyPublicRequest("/history?page=3", known, 3)?.key).toBe("/history?page=3");
    expect(classifyPublicRequest("/history", known, 1)?.key).toBe("/history");
  });

  it("shares one entry for every unknown incident, rendered for a fixed id", () => {
    expect(classify("/incidents/inc1")?.key).toBe("/incidents/inc1");
    expect(classify("/incidents/random123")).toEqual({ key: "/incidents/?", renderPath: "/incidents/unknown", kind: "page" });
    expect(classify("/incidents/inc1/postmortem")?.key).toBe("/incidents/inc1/postmortem");
    expect(classify("/incidents/random123/postmortem")).toEqual({
      key: "/incidents/?/postmortem",
      renderPath: "/incidents/unknown/postmortem",
      kind: "page",
    });
    expect(classify("/api/v2/incidents/nope.json")).toEqual({
      key: "/api/v2/incidents/?",
      renderPath: "/api/v2/incidents/unknown.json",
      kind: "page",
    });
    expect(classify(`/incidents/${"a".repeat(65)}`)).toBeNull();
  });

  it("keeps static assets forever and leaves everything else to Next", () => {
    expect(classify("/_next/static/chunks/app.js?v=1")).toEqual({
      key: "/_next/static/chunks/app.js",
      renderPath: "/_next/static/chunks/app.js",
      kind: "static",
    });
    for (const url of [
      "/admin",
      "/sign-in",
      "/api/auth/session",
      "/api/health",
      "/setup",
      "/incidents/inc1/edit",
      "//evil.example/",
      "/history/",
    ])
      expect(classify(url)).toBeNull();
    expect(classify("/?_rsc=abc")).toBeNull();
    expect(classify(`/?q=${"x".repeat(3000)}`)).toBeNull();
    expect(classify("/%zz")).toBeNull();
  });
});

describe("isDecodablePath", () => {
  it("refuses broken percent-encoding in the path only", () => {
    expect(isDecodablePath("/incidents/%ff")).toBe(false);
    expect(isDecodablePath("/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/incidents/%00")).toBe(true);
    expect(isDecodablePath("/caf%C3%A9?q=%ff")).toBe(true);
  });
});
