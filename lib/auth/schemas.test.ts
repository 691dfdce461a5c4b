import { describe, expect, it } from "vitest";
import { inviteOperatorSchema, newOperatorSchema } from "./schemas";

describe("operator input", () => {
  it("normalises the email and checks the two passwords agree", () => {
    const parsed = newOperatorSchema.parse({
      name: " Ada ",
      email: " Ada@Example.COM ",
      password: "0123456789",
      confirmPassword: "0123456789",
    });
    expect(parsed).toMatchObject({ name: "Ada", email: "ada@example.com" });
    const mismatch = newOperatorSchema.safeParse({
      name: "Ada",
      email: "ada@example.com",
      password: "0123456789",
      confirmPassword: "0123456788",
    });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "The two passwords differ." });
  });

  it("says what is wrong with a short password, a bad email and an unknown role", () => {
    const result = newOperatorSchema.safeParse({ name: "", email: "ada", password: "short", confirmPassword: "short" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Enter a name.",
      "Enter an email address like ada@example.com.",
      "Use at least 10 characters.",
    ]);
    expect(inviteOperatorSchema.safeParse({ email: "a@b.co", role: "owner" }).error?.issues[0]?.message).toBe(
      "Choose admin, responder or viewer.",
    );
  });
});
