import { describe, expect, it } from "vitest";
import { choiceAmount, customerOffer, liabilityByCurrency, type CreditChoice } from "./amounts";
import { currencyExponent, formatMinor, minorToDecimal, parseMajorAmount } from "./money";

const months = (value: string, caps: Record<string, number> = {}): CreditChoice => ({ rule: { kind: "months", months: value }, caps });
const percent = (value: string, caps: Record<string, number> = {}): CreditChoice => ({ rule: { kind: "percent", percent: value }, caps });
const fixed = (amounts: Record<string, number>, caps: Record<string, number> = {}): CreditChoice => ({
  rule: { kind: "fixed", amounts },
  caps,
});

describe("currency exponents", () => {
  it("follows ISO 4217: JPY 0, EUR 2, KWD 3", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
  });

  it("parses amounts typed in major units to minor units, refusing extra decimals", () => {
    expect(parseMajorAmount("1500", "JPY")).toBe(1500);
    expect(parseMajorAmount("1500.5", "JPY")).toBeNull();
    expect(parseMajorAmount("12.5", "EUR")).toBe(1250);
    expect(parseMajorAmount("12.345", "EUR")).toBeNull();
    expect(parseMajorAmount("1.234", "KWD")).toBe(1234);
    expect(parseMajorAmount("-1", "EUR")).toBeNull();
    expect(parseMajorAmount("1e3", "EUR")).toBeNull();
  });

  it("formats and writes minor units back in each currency's decimals", () => {
    expect(formatMinor(1500, "JPY")).toBe("¥1,500");
    expect(formatMinor(1250, "EUR")).toBe("€12.50");
    expect(formatMinor(12345, "KWD")).toMatch(/KWD\s12\.345/);
    expect(minorToDecimal(1500, "JPY")).toBe("1500");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(12345, "KWD")).toBe("12.345");
  });
});

describe("choiceAmount", () => {
  it("gives one month of a yen, euro and dinar monthly amount in its own minor units", () => {
    expect(choiceAmount(months("1"), { monthlyAmount: 4900, currency: "JPY" })).toEqual({ amount: 4900 });
    expect(choiceAmount(months("1"), { monthlyAmount: 4990, currency: "EUR" })).toEqual({ amount: 4990 });
    expect(choiceAmount(months("1"), { monthlyAmount: 12345, currency: "KWD" })).toEqual({ amount: 12345 });
  });

  it("rounds half-up once, at the end, to the currency's minor unit", () => {
    // ¥999 × 0.5 = 499.5 → 500
    expect(choiceAmount(months("0.5"), { monthlyAmount: 999, currency: "JPY" })).toEqual({ amount: 500 });
    // €0.05 × 0.5 = 2.5 cents → 3
    expect(choiceAmount(months("0.5"), { monthlyAmount: 5, currency: "EUR" })).toEqual({ amount: 3 });
    // KWD 12.345 × 33.33 % = 4114.5885 fils → 4115 (rounding earlier, e.g. of 0.3333, would give another figure)
    expect(choiceAmount(percent("33.33"), { monthlyAmount: 12345, currency: "KWD" })).toEqual({ amount: 4115 });
    // 0.1 + 0.2 months of €10.00 with floating point would be 300.00000000000006; exact here.
    expect(choiceAmount(months("0.3"), { monthlyAmount: 1000, currency: "EUR" })).toEqual({ amount: 300 });
    // 2.25 cents → 2 (half-up does not round a quarter up)
    expect(choiceAmount(percent("45"), { monthlyAmount: 5, currency: "EUR" })).toEqual({ amount: 2 });
  });

  it("caps in the customer's currency only, after rounding", () => {
    const choice = months("2", { EUR: 5000 });
    expect(choiceAmount(choice, { monthlyAmount: 4990, currency: "EUR" })).toEqual({ amount: 5000 });
    expect(choiceAmount(choice, { monthlyAmount: 2000, currency: "EUR" })).toEqual({ amount: 4000 });
    expect(choiceAmount(choice, { monthlyAmount: 4900, currency: "JPY" })).toEqual({ amount: 9800 });
  });

  it("takes a fixed amount in the customer's currency, capped like any other", () => {
    const choice = fixed({ EUR: 1000, JPY: 1500 }, { JPY: 1200 });
    expect(choiceAmount(choice, { monthlyAmount: null, currency: "EUR" })).toEqual({ amount: 1000 });
    expect(choiceAmount(choice, { monthlyAmount: null, currency: "JPY" })).toEqual({ amount: 1200 });
    expect(choiceAmount(choice, { monthlyAmount: 900, currency: "KWD" })).toEqual({ amount: null, reason: "no-fixed-amount" });
  });

  it("never turns a missing monthly amount or currency into 0", () => {
    expect(choiceAmount(months("1"), { monthlyAmount: null, currency: "EUR" })).toEqual({ amount: null, reason: "no-monthly-amount" });
    expect(choiceAmount(percent("50"), { monthlyAmount: null, currency: "EUR" })).toEqual({ amount: null, reason: "no-monthly-amount" });
    expect(choiceAmount(months("1"), { monthlyAmount: 4990, currency: null })).toEqual({ amount: null, reason: "no-currency" });
    expect(choiceAmount(months("1"), { monthlyAmount: 0, currency: "EUR" })).toEqual({ amount: null, reason: "zero" });
  });
});

describe("customerOffer", () => {
  it("excludes a customer without a monthly amount under months and percent rules", () => {
    const offer = customerOffer([months("1"), percent("50")], { monthlyAmount: null, currency: "EUR" });
    expect(offer.isExcluded).toBe(true);
  });

  it("keeps that customer when a fixed choice covers their currency, offering only that choice", () => {
    const offer = customerOffer([months("1"), fixed({ EUR: 2000 })], { monthlyAmount: null, currency: "EUR" });
    expect(offer).toEqual({ isExcluded: false, amounts: [{ amount: null, reason: "no-monthly-amount" }, { amount: 2000 }] });
  });

  it("totals the liability per currency from each included customer's largest choice", () => {
    const choices = [months("1"), fixed({ EUR: 2000, JPY: 1000 })];
    const customers = [
      { monthlyAmount: 4990, currency: "EUR" },
      { monthlyAmount: 1000, currency: "EUR" },
      { monthlyAmount: 4900, currency: "JPY" },
      { monthlyAmount: 12345, currency: "KWD" },
      { monthlyAmount: null, currency: "KWD" },
    ];
    const totals = liabilityByCurrency(
      customers.map((customer) => ({ currency: customer.currency, offer: customerOffer(choices, customer) })),
    );
    expect(Object.fromEntries(totals)).toEqual({ EUR: 4990 + 2000, JPY: 4900, KWD: 12345 });
  });
});
