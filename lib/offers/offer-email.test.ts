import { describe, expect, it } from "vitest";
import { choiceLine, creditIndexOf, describeChoice } from "./choices";
import { fillOfferSlots, offerFieldsOf } from "./offer-email";

describe("an offer email's personal parts", () => {
  const compiled = {
    subject: "A month on us",
    html: '<p>Hi</p><div>{{offer_choices}}</div><a href="{{offer_url}}">Choose</a> {{offer_url}}',
    text: "Hi\n\n{{offer_url}}\n-- \nFooter",
  };

  it("fills the customer's own link and escaped amounts into the HTML, and lists them before the link in the text", () => {
    const fields = offerFieldsOf({
      name: "Ann",
      offerToken: "a".repeat(64),
      offerChoices: ["A month's fee as credit: €49.90", "<b>x</b>"],
    })!;
    const filled = fillOfferSlots(compiled, fields, "https://status.example.com");
    const url = `https://status.example.com/offers/${"a".repeat(64)}`;
    expect(filled.html).toBe(
      `<p>Hi</p><div><ul style="margin:0;padding-left:20px"><li>A month&#39;s fee as credit: €49.90</li><li>&lt;b&gt;x&lt;/b&gt;</li></ul></div><a href="${url}">Choose</a> ${url}`,
    );
    expect(filled.text).toBe(`Hi\n\n- A month's fee as credit: €49.90\n- <b>x</b>\n\nChoose here: ${url}\n-- \nFooter`);
  });

  it("leaves a campaign row without offer fields alone", () => {
    expect(offerFieldsOf({ name: "Ann" })).toBeNull();
  });

  it("names each rule in a few words and accepts only offered credit ids", () => {
    expect(describeChoice({ rule: { kind: "months", months: "1" }, caps: {} })).toBe("A month's fee");
    expect(describeChoice({ rule: { kind: "months", months: "0.5" }, caps: {} })).toBe("0.5 months' fee");
    expect(describeChoice({ rule: { kind: "months", months: "2" }, caps: {} })).toBe("2 months' fee");
    expect(describeChoice({ rule: { kind: "percent", percent: "25" }, caps: {} })).toBe("25 % of a month's fee");
    expect(choiceLine({ rule: { kind: "fixed", amounts: { JPY: 3000 } }, caps: {} }, 3000, "JPY")).toBe("A credit of ¥3,000");
    expect(creditIndexOf("credit_2", 2)).toBe(1);
    expect(creditIndexOf("credit_2", 1)).toBeNull();
    expect(creditIndexOf("decline", 2)).toBeNull();
  });
});
