import { describe, expect, it } from "vitest";
import { isLocalUrl, setupChecklist } from "./checklist";

describe("setupChecklist", () => {
  const fresh = {
    effectivePublicUrl: "http://localhost:3000",
    senderAddress: "status@localhost",
    pageName: "Candor status",
    brandColor: "#2563eb",
    websiteUrl: null,
    ownComponentCount: 0,
  };

  it("lists every step undone on a fresh install", () => {
    expect(setupChecklist(fresh).map((item) => [item.key, item.isDone])).toEqual([
      ["public_url", false],
      ["sender", false],
      ["brand", false],
      ["components", false],
      ["website", false],
    ]);
  });

  it("ticks each step from the facts", () => {
    const done = setupChecklist({
      effectivePublicUrl: "https://status.leavely.example",
      senderAddress: "status@leavely.example",
      pageName: "Leavely Status",
      brandColor: "#0F766E",
      websiteUrl: "https://leavely.example",
      ownComponentCount: 3,
    });
    expect(done.every((item) => item.isDone)).toBe(true);
  });

  it("knows a local URL", () => {
    expect(isLocalUrl("http://127.0.0.1:3000")).toBe(true);
    expect(isLocalUrl("http://app.localhost")).toBe(true);
    expect(isLocalUrl("https://status.example.com")).toBe(false);
  });
});
