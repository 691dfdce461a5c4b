import { describe, expect, it } from "vitest";
import { rollUpStatus } from "./rollup";

describe("rollUpStatus", () => {
  it("says all systems operational when every component is operational and nothing is open", () => {
    expect(rollUpStatus(["operational", "operational"], [])).toBe("none");
    expect(rollUpStatus([], [])).toBe("none");
  });

  it("takes the worst component status", () => {
    expect(rollUpStatus(["operational", "degraded_performance"], [])).toBe("minor");
    expect(rollUpStatus(["partial_outage", "degraded_performance"], [])).toBe("major");
    expect(rollUpStatus(["partial_outage", "major_outage"], [])).toBe("critical");
  });

  it("lets an open incident's impact raise the status even when components look fine", () => {
    expect(rollUpStatus(["operational"], ["critical"])).toBe("critical");
    expect(rollUpStatus(["degraded_performance"], ["none"])).toBe("minor");
  });

  it("shows maintenance only when nothing is actually broken", () => {
    expect(rollUpStatus(["under_maintenance", "operational"], [])).toBe("maintenance");
    expect(rollUpStatus(["under_maintenance", "major_outage"], [])).toBe("critical");
    expect(rollUpStatus(["under_maintenance"], ["minor"])).toBe("minor");
  });
});
