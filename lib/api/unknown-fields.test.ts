import { describe, expect, it } from "vitest";
import { findUnknownField } from "./unknown-fields";

const schema = {
  properties: {
    title: {},
    components: { items: { properties: { componentId: {}, status: {} } } },
  },
};

describe("unknown fields", () => {
  it("names the first unknown field, inside arrays of objects too", () => {
    expect(findUnknownField({ title: "x", components: [{ componentId: "a", status: "b" }] }, schema)).toBeNull();
    expect(findUnknownField({ title: "x", colour: "red" }, schema)).toBe("colour");
    expect(findUnknownField({ components: [{ componentId: "a" }, { componentId: "b", note: "?" }] }, schema)).toBe("components.1.note");
  });

  it("leaves wrong types to the schema's own parse", () => {
    expect(findUnknownField({ title: { deep: 1 }, components: "all" }, schema)).toBeNull();
  });
});
