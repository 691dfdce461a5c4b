import { describe, expect, it } from "vitest";
import { declareIncidentSchema } from "./schemas";

describe("declareIncidentSchema", () => {
  it("reports every field's problem at once: a future start together with a missing title and message", () => {
    const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    const result = declareIncidentSchema.safeParse({
      title: "",
      impact: "minor",
      status: "investigating",
      message: "",
      startedAt: future,
      components: [],
    });
    const fields = result.error?.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["title", "message", "startedAt"]));
    expect(result.error?.issues.find((issue) => issue.path[0] === "startedAt")?.message).toMatch(/cannot be in the future/);
  });
});
