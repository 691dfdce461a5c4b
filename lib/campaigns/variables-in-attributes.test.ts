import { describe, expect, it } from "vitest";
import { campaignDraftSchema } from "./schemas";
import { variablesInAttributes } from "./variables-in-attributes";

const draft = (body: string) => campaignDraftSchema.safeParse({ kind: "postmortem", subject: "Hello", body, audience: {} });

describe("variables inside link addresses", () => {
  it("are found in Markdown links, autolinks and raw HTML attributes", () => {
    expect(variablesInAttributes('<a href="{{name}}">Your account</a>')).toEqual(["name"]);
    expect(variablesInAttributes("[Your account](https://example.com/{{ account_id }}?c={{company}})")).toEqual(["account_id", "company"]);
    expect(variablesInAttributes("Visit <https://example.com/{{email}}>")).toEqual(["email"]);
  });

  it("are not found in text, link text or code", () => {
    expect(variablesInAttributes("Dear {{first_name}}, [see **{{company}}**'s page](https://example.com/status)")).toEqual([]);
    expect(variablesInAttributes("`{{name}}` and {{plan}}")).toEqual([]);
  });

  it("make the campaign refuse to save, with a message saying what to do", () => {
    const result = draft('Hello {{first_name}}, <a href="{{name}}">open</a>');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "{{name}} cannot go inside a link's address: a customer's value would become the link. Put it in the link's text instead.",
    ]);
    expect(draft("Hello {{first_name}}, [open](https://example.com)").success).toBe(true);
  });
});
