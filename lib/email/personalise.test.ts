import { describe, expect, it } from "vitest";
import { personalise, recipientValues, unknownVariables } from "./personalise";

describe("personalise", () => {
  it("finds unknown variables once each, tolerating spaces inside the braces", () => {
    expect(unknownVariables("Dear {{ first_name }}, {{firstname}} at {{company}} {{firstname}} {{ }}")).toEqual(["firstname", ""]);
    expect(unknownVariables("Dear {{first_name}} of {{company}}")).toEqual([]);
    expect(unknownVariables("Dear {{First Name}}")).toEqual(["First Name"]);
  });

  it("escapes values in HTML and leaves them as typed in text", () => {
    const values = recipientValues({ email: "x@example.com", name: "<script>alert(1)</script> Smith", company: "Tom & Jerry's" });
    expect(personalise("<p>Dear {{first_name}} at {{company}}</p>", values, "html")).toBe(
      "<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; at Tom &amp; Jerry&#39;s</p>",
    );
    expect(personalise("Dear {{first_name}}", values, "text")).toBe("Dear <script>alert(1)</script>");
  });

  it("falls back from the first name to the name's first word, then to “there”", () => {
    expect(recipientValues({ email: "a@b.c", firstName: "Rich" }).first_name).toBe("Rich");
    expect(recipientValues({ email: "a@b.c", name: "Rich Allen" }).first_name).toBe("Rich");
    expect(recipientValues({ email: "a@b.c" }).first_name).toBe("there");
  });
});
