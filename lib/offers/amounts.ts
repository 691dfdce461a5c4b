// What each customer is offered: one amount per credit choice, in integer
// minor units of the customer's currency. Pure: no database, so the review,
// the send and the bench all compute the same figures.
//
// Rules are exact: "N months" and "percent" are decimals kept as text and
// multiplied as integers (BigInt), so 0.1 months of ¥999 or 33.33 % of
// KWD 12.345 never meet floating point; the one rounding, half-up to the
// currency's minor unit, happens at the end, then the cap applies.

export type CreditRule =
  /** N months of the customer's monthly amount; N may have decimals ("0.5"). */
  | { kind: "months"; months: string }
  /** A percent of the customer's monthly amount ("25", "12.5"). */
  | { kind: "percent"; percent: string }
  /** The same amount for everyone paying in a currency, in minor units per currency. */
  | { kind: "fixed"; amounts: Record<string, number> };

export interface CreditChoice {
  rule: CreditRule;
  /** Optional cap per currency, in minor units. */
  caps: Record<string, number>;
}

export interface CustomerMoney {
  /** Minor units of `currency`; null when unknown. */
  monthlyAmount: number | null;
  currency: string | null;
}

/** Why a choice has no amount for a customer. */
export type NoAmountReason = "no-currency" | "no-monthly-amount" | "no-fixed-amount" | "zero";

export type ChoiceAmount = { amount: number } | { amount: null; reason: NoAmountReason };

export interface CustomerOffer {
  /** One per credit choice, in the offer's order. */
  amounts: ChoiceAmount[];
  /** No credit choice has an amount: the customer is listed apart and not sent the offer. */
  isExcluded: boolean;
}

/** "0.5" → 5n / 10n. The text is validated by the offer's schema; anything else throws. */
function decimalFraction(text: string): { numerator: bigint; denominator: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal: ${text}`);
  const decimals = match[2] ?? "";
  return { numerator: BigInt(match[1]! + decimals), denominator: 10n ** BigInt(decimals.length) };
}

/** numerator / denominator rounded half-up (both non-negative). */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

function ruleAmount(rule: CreditRule, customer: CustomerMoney & { currency: string }): ChoiceAmount {
  if (rule.kind === "fixed") {
    const amount = rule.amounts[customer.currency];
    return amount === undefined ? { amount: null, reason: "no-fixed-amount" } : { amount };
  }
  if (customer.monthlyAmount === null) return { amount: null, reason: "no-monthly-amount" };
  const factor = decimalFraction(rule.kind === "months" ? rule.months : rule.percent);
  const denominator = rule.kind === "months" ? factor.denominator : factor.denominator * 100n;
  return { amount: roundHalfUp(BigInt(customer.monthlyAmount) * factor.numerator, denominator) };
}

/** One choice's amount for one customer: the rule, rounded once, then capped in the customer's currency. */
export function choiceAmount(choice: CreditChoice, customer: CustomerMoney): ChoiceAmount {
  if (!customer.currency) {
    return { amount: null, reason: "no-currency" };
  }
  const computed = ruleAmount(choice.rule, { ...customer, currency: customer.currency });
  if (computed.amount === null) return computed;
  const cap = choice.caps[customer.currency];
  const amount = cap === undefined ? computed.amount : Math.min(computed.amount, cap);
  return amount > 0 ? { amount } : { amount: null, reason: "zero" };
}

/** Every credit choice's amount for one customer, and whether they are left out (no choice has an amount). */
export function customerOffer(choices: CreditChoice[], customer: CustomerMoney): CustomerOffer {
  const amounts = choices.map((choice) => choiceAmount(choice, customer));
  return { amounts, isExcluded: amounts.every((entry) => entry.amount === null) };
}

/** The most the offer can cost, per currency: each included customer's largest amount. */
export function liabilityByCurrency(offers: { currency: string | null; offer: CustomerOffer }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { currency, offer } of offers) {
    if (offer.isExcluded || !currency) continue;
    const largest = Math.max(...offer.amounts.map((entry) => entry.amount ?? 0));
    totals.set(currency, (totals.get(currency) ?? 0) + largest);
  }
  return totals;
}

export const NO_AMOUNT_REASONS: Record<NoAmountReason, string> = {
  "no-currency": "no currency on file",
  "no-monthly-amount": "no monthly amount on file",
  "no-fixed-amount": "no fixed amount in their currency",
  zero: "the amount comes to zero",
};
