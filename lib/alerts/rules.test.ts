import { describe, expect, it } from "vitest";
import { normalizeAlerts } from "./payloads";
import { matchRule, suggestDraft, type AlertRuleView } from "./rules";

const rule: AlertRuleView = {
  id: "r1",
  name: "API",
  matchLabels: { service: "api" },
  componentIds: ["c1", "gone"],
  componentStatus: "partial_outage",
  severityImpacts: { critical: "critical" },
  defaultImpact: "minor",
  isAutoPublish: false,
};

describe("alert rules", () => {
  it("matches the first rule whose labels all match and maps severity to impact", () => {
    expect(matchRule([rule], { service: "api", severity: "critical" })).toBe(rule);
    expect(matchRule([rule], { service: "web" })).toBeNull();
    const [alert] = normalizeAlerts("generic", {
      status: "firing",
      title: "High error rate",
      severity: "critical",
      labels: { service: "api" },
    });
    const draft = suggestDraft(alert!, rule, new Map([["c1", "Public API"]]));
    expect(draft).toMatchObject({
      title: "Problems with Public API",
      impact: "critical",
      components: [{ componentId: "c1", status: "partial_outage" }],
      isAutoPublish: false,
    });
    expect(draft.message).toContain("Public API");
  });

  it("suggests a draft without components from the alert's summary when no rule matches", () => {
    const [alert] = normalizeAlerts("generic", { status: "firing", title: "Disk full", severity: "warning" });
    expect(suggestDraft(alert!, null, new Map())).toMatchObject({ title: "Disk full", impact: "minor", components: [] });
  });

  it("uses Alertmanager's fingerprint, or a stable hash of the labels", () => {
    const payload = (fingerprint?: string) => ({
      version: "4",
      status: "firing",
      commonLabels: { alertname: "HighLatency" },
      alerts: [{ status: "firing", labels: { service: "api" }, annotations: { summary: "Slow" }, ...(fingerprint ? { fingerprint } : {}) }],
    });
    expect(normalizeAlerts("alertmanager", payload("abc"))[0]!.fingerprint).toBe("abc");
    const hashed = normalizeAlerts("alertmanager", payload())[0]!;
    expect(hashed.fingerprint).toBe(normalizeAlerts("alertmanager", payload())[0]!.fingerprint);
    expect(hashed.labels).toEqual({ alertname: "HighLatency", service: "api" });
    expect(hashed.summary).toBe("Slow");
  });
});
