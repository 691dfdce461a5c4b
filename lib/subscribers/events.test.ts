import { describe, expect, it } from "vitest";
import { eventForUpdate, noticeSubject } from "./events";

describe("subscriber events", () => {
  it("names an incident's first update created, a closing one resolved, the rest updated", () => {
    expect(eventForUpdate("INCIDENT", "investigating", true)).toBe("incident.created");
    expect(eventForUpdate("INCIDENT", "monitoring", false)).toBe("incident.updated");
    expect(eventForUpdate("INCIDENT", "resolved", false)).toBe("incident.resolved");
  });

  it("follows maintenance from scheduled through started to completed", () => {
    expect(
      ["scheduled", "in_progress", "verifying", "completed"].map((status) => eventForUpdate("MAINTENANCE", status as never, false)),
    ).toEqual(["maintenance.scheduled", "maintenance.started", "maintenance.updated", "maintenance.completed"]);
  });

  it("puts the status before the title in the subject", () => {
    expect(noticeSubject("incident.resolved", "Sign-in failing", "resolved")).toBe("Resolved: Sign-in failing");
    expect(noticeSubject("postmortem.published", "Sign-in failing", null)).toBe("Postmortem: Sign-in failing");
  });
});
