import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { formDataOf, formValues, toActionFailure } from "./action-result";
import { ValidationError } from "./errors";

const thrown = (run: () => never): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
};

describe("toActionFailure", () => {
  it("lets Next's control flow (redirect, notFound) through", () => {
    for (const error of [thrown(() => redirect("/admin")), thrown(() => notFound())]) {
      expect(() => toActionFailure(error)).toThrow(error as Error);
    }
  });

  it("turns a validation error into its message and an unexpected one into a reference, never throwing", () => {
    expect(toActionFailure(new ValidationError("Check the form.", { title: ["Enter a title."] }))).toMatchObject({
      ok: false,
      message: "Check the form.",
      fieldErrors: { title: ["Enter a title."] },
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect(toActionFailure(new Error("boom")).message).toMatch(/^Something went wrong on our side \(reference \w+\)/);
    } finally {
      console.error = original;
    }
  });
});

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
