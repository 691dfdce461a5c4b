// The choices an offer's customers pick from: one or two credits, then always
// "No thanks". Pure: used by the admin, the response page and the email.
import { z } from "zod";
import type { CreditChoice } from "./amounts";
import { formatMinor } from "./money";

/** A credit choice's id in forms and response rows: credit_1, credit_2. */
export type ChoiceId = `credit_${number}` | "decline";
export const DECLINE: ChoiceId = "decline";
export const DECLINE_LABEL = "No thanks, I don't need a credit";

export const creditChoiceSchema: z.ZodType<CreditChoice> = z.object({
  rule: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("months"), months: z.string() }),
    z.object({ kind: z.literal("percent"), percent: z.string() }),
    z.object({ kind: z.literal("fixed"), amounts: z.record(z.string(), z.number().int()) }),
  ]),
  caps: z.record(z.string(), z.number().int()),
});

/** The stored choices of an offer (offers.choices). */
export const storedChoicesSchema = z.array(creditChoiceSchema).min(1).max(2);

export function creditChoiceId(index: number): ChoiceId {
  return `credit_${index + 1}`;
}

/** credit_2 → 1; anything else (decline included) → null. */
export function creditIndexOf(choice: string, count: number): number | null {
  const match = /^credit_([12])$/.exec(choice);
  if (!match) return null;
  const index = Number(match[1]) - 1;
  return index < count ? index : null;
}

function plural(count: string, word: string): string {
  return `${count} ${word}${count === "1" ? "" : "s"}`;
}

/** What the choice is, in a few words: "1 month's fee", "50 % of a month's fee", "A credit". */
export function describeChoice(choice: CreditChoice): string {
  switch (choice.rule.kind) {
    case "months":
      return choice.rule.months === "1" ? "A month's fee" : `${plural(choice.rule.months, "month")}' fee`.replace("1 months'", "1 month's");
    case "percent":
      return `${choice.rule.percent} % of a month's fee`;
    case "fixed":
      return "A credit";
  }
}

/** One line of the email: "A month's fee as credit: €49.90", or "A credit of ¥3,000" for a fixed amount. */
export function choiceLine(choice: CreditChoice, amount: number, currency: string): string {
  const money = formatMinor(amount, currency);
  return choice.rule.kind === "fixed" ? `A credit of ${money}` : `${describeChoice(choice)} as credit: ${money}`;
}
