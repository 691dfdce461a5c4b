// Personalisation of campaign text: {{first_name}} and friends. Unknown
// variables are an error when the campaign is written, never a blank in
// thousands of emails. Pure.

export const TEMPLATE_VARIABLES = {
  first_name: "The customer's first name (falls back to their name, then “there”)",
  name: "The customer's full name",
  company: "The customer's company",
  email: "The customer's email address",
  plan: "The customer's plan",
  account_id: "The customer's account id in your product",
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type RecipientValues = Record<TemplateVariable, string>;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Names used in `text` that Candor does not know, in order of appearance, once each. */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) if (!(match[1]! in TEMPLATE_VARIABLES)) unknown.add(match[1]!);
  return [...unknown];
}

export interface RecipientFields {
  email: string;
  name?: string | null;
  firstName?: string | null;
  company?: string | null;
  plan?: string | null;
  externalId?: string | null;
}

export function recipientValues(recipient: RecipientFields): RecipientValues {
  const firstName = recipient.firstName?.trim() || recipient.name?.trim().split(/\s+/)[0] || "there";
  return {
    first_name: firstName,
    name: recipient.name?.trim() || firstName,
    company: recipient.company?.trim() ?? "",
    email: recipient.email,
    plan: recipient.plan?.trim() ?? "",
    account_id: recipient.externalId?.trim() ?? "",
  };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Fills the variables; `html` escapes the values (a name like `<script>` arrives as text). */
export function personalise(template: string, values: RecipientValues, mode: "html" | "text"): string {
  return template.replace(VARIABLE, (whole, name: string) => {
    if (!(name in TEMPLATE_VARIABLES)) return whole;
    const value = values[name as TemplateVariable];
    return mode === "html" ? escapeHtml(value) : value;
  });
}
