import { describe, expect, it } from "vitest";
import { describeFields } from "./reference";

describe("the API reference's field rows", () => {
  it("lists fields with types, requiredness and constraints, flattening array items", () => {
    const rows = describeFields({
      type: "object",
      required: ["title", "components"],
      properties: {
        title: { type: "string", minLength: 1, maxLength: 200 },
        impact: { type: "string", enum: ["none", "minor"] },
        components: {
          type: "array",
          maxItems: 500,
          items: { type: "object", required: ["status"], properties: { status: { type: "string", enum: ["operational"] } } },
        },
      },
    });
    expect(rows).toEqual([
      { name: "title", type: "string", isRequired: true, notes: "At least 1 character. At most 200 characters." },
      { name: "impact", type: "enum", isRequired: false, notes: "One of: none, minor." },
      { name: "components", type: "array of object", isRequired: true, notes: "At most 500 items." },
      { name: "components[].status", type: "enum", isRequired: true, notes: "One of: operational." },
    ]);
  });
});
