import { describe, expect, it } from "vitest";
import { formDataOf, formValues } from "./action-result";

describe("formDataOf", () => {
  it("passes a form through and reads anything else a hand-made request sends as an empty form", () => {
    const form = new FormData();
    form.set("name", "Ada");
    expect(formDataOf(form)).toBe(form);
    for (const sent of [undefined, null, "a string", 5, { get: "not a function" }, ["x"]]) {
      expect([...formDataOf(sent).keys()]).toEqual([]);
      expect(formValues(formDataOf(sent))).toEqual({});
    }
  });
});
