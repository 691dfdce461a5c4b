// The offer form's input, checked once: credit rules, caps, the deadline, the
// message and the audience. Pure (no database).
import { z } from "zod";
import { audienceSchema } from "../campaigns/audience";
import { unknownVariables, TEMPLATE_VARIABLES } from "../email/personalise";
import type { CreditChoice } from "./amounts";
import { isKnownCurrency, parseMajorAmount } from "./money";

const DECIMAL = /^\d{1,6}(\.\d{1,4})?$/;

/**
 * "EUR 10, JPY 1500" → { EUR: 1000, JPY: 1500 } (minor units). Problems are
 * added to the context under `path`; an empty text is an empty map.
 */
function moneyList(text: string, path: (string | number)[], context: z.RefinementCtx, isCap: boolean): Record<string, number> {
  const amounts: Record<string, number> = {};
  for (const entry of text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]{3})\s*(-?[\d.\s_]+)$/.exec(entry) ?? /^(-?[\d.\s_]+)\s*([A-Za-z]{3})$/.exec(entry)?.reverse();
    const currency = match?.[1]?.toUpperCase() ?? "";
    const value = match?.[2]?.trim() ?? "";
    if (!match || !isKnownCurrency(currency)) {
      context.addIssue({ code: "custom", path, message: `“${entry.slice(0, 30)}” is not an amount like “EUR 10.00” or “JPY 1500”.` });
      continue;
    }
    if (value.startsWith("-")) {
      context.addIssue({ code: "custom", path, message: `${isCap ? "A cap" : "An amount"} cannot be negative (${entry}).` });
      continue;
    }
    const minor = parseMajorAmount(value, currency);
    if (minor === null)
      context.addIssue({ code: "custom", path, message: `“${entry.slice(0, 30)}” has more decimals than ${currency} has.` });
    else if (!isCap && minor === 0)
      context.addIssue({ code: "custom", path, message: `A fixed credit must be more than zero (${entry}).` });
    else if (currency in amounts) context.addIssue({ code: "custom", path, message: `${currency} is listed twice.` });
    else amounts[currency] = minor;
  }
  return amounts;
}

const choiceInputSchema = z.object({
  kind: z.enum(["months", "percent", "fixed"], { error: "Choose months, percent or a fixed amount." }),
  /** Months or percent, as typed. */
  value: z.string().trim().max(20).default(""),
  /** Fixed amounts per currency, as typed. */
  fixed: z.string().trim().max(500).default(""),
  /** Caps per currency, as typed. */
  cap: z.string().trim().max(500).default(""),
});

function toCreditChoice(input: z.infer<typeof choiceInputSchema>, index: number, context: z.RefinementCtx): CreditChoice {
  const field = (name: string) => [`choices.${index}.${name}`];
  const caps = moneyList(input.cap, field("cap"), context, true);
  if (input.kind === "fixed") {
    const amounts = moneyList(input.fixed, field("fixed"), context, false);
    if (Object.keys(amounts).length === 0 && input.fixed === "")
      context.addIssue({ code: "custom", path: field("fixed"), message: "Give the amount per currency, e.g. “EUR 20, USD 20”." });
    return { rule: { kind: "fixed", amounts }, caps };
  }
  const value = input.value.replace(",", ".");
  const isMonths = input.kind === "months";
  if (!DECIMAL.test(value) || Number(value) <= 0)
    context.addIssue({
      code: "custom",
      path: field("value"),
      message: isMonths ? "Give a number of months above zero, e.g. 1 or 0.5." : "Give a percent above zero, e.g. 50.",
    });
  else if (isMonths && Number(value) > 24) context.addIssue({ code: "custom", path: field("value"), message: "At most 24 months." });
  else if (!isMonths && Number(value) > 100)
    context.addIssue({ code: "custom", path: field("value"), message: "A percent cannot be over 100." });
  const normalised = value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
  return { rule: isMonths ? { kind: "months", months: normalised } : { kind: "percent", percent: normalised }, caps };
}

const known = Object.keys(TEMPLATE_VARIABLES)
  .map((name) => `{{${name}}}`)
  .join(", ");

export const offerDraftSchema = z
  .object({
    incidentId: z.string().min(1).max(64),
    choices: z.array(choiceInputSchema).min(1, "Offer at least one credit.").max(2, "Offer one or two credits."),
    hasCommentBox: z.boolean().default(false),
    /** UTC, as the datetime-local field sends it: 2026-12-31T18:00. */
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give the deadline as a date and time (UTC)."),
    subject: z.string().trim().min(1, "Write a subject.").max(200, "Keep the subject under 200 characters."),
    body: z.string().trim().min(1, "Write the message.").max(20_000, "Keep the message under 20,000 characters."),
    audience: audienceSchema,
  })
  .transform((input, context) => {
    for (const field of ["subject", "body"] as const) {
      const unknown = unknownVariables(input[field]);
      if (unknown.length)
        context.addIssue({
          code: "custom",
          path: [field],
          message: `Unknown variable ${unknown.map((name) => `{{${name}}}`).join(", ")}: use ${known}.`,
        });
    }
    return {
      incidentId: input.incidentId,
      choices: input.choices.map((choice, index) => toCreditChoice(choice, index, context)),
      hasCommentBox: input.hasCommentBox,
      deadline: new Date(`${input.deadline}:00.000Z`),
      subject: input.subject,
      body: input.body,
      audience: input.audience,
    };
  });

export type OfferDraftInput = z.output<typeof offerDraftSchema>;

export const offerIdSchema = z.object({ offerId: z.string().min(1).max(64) });

/** The response form: the choice and the optional comment, with the page's form token. */
export const responseFormSchema = z.object({
  choice: z.string().max(20),
  comment: z
    .string()
    .max(2000, "Keep the comment under 2,000 characters.")
    .transform((text) => text.trim())
    .default(""),
  formToken: z.string().min(1).max(100),
});
