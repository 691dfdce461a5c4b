// The parts of a refund_offer email that differ per customer: their link and
// their amounts. The campaign's message is compiled once with {{offer_url}}
// and {{offer_choices}} left in it; the worker fills them per recipient from
// the outbox row. Pure.
import { escapeHtml } from "../email/personalise";
import type { CompiledMessage } from "../email/templates";

export const OFFER_URL_SLOT = "{{offer_url}}";
const CHOICES_SLOT = "{{offer_choices}}";

/** What an offer's outbox row carries beside the usual personalisation values. */
export interface OfferRecipientFields {
  offerToken: string;
  /** One line per credit choice offered to this customer, e.g. "A month's fee as credit: €49.90". */
  offerChoices: string[];
}

export function offerFieldsOf(payload: unknown): OfferRecipientFields | null {
  const fields = payload as Partial<OfferRecipientFields> | null;
  if (typeof fields?.offerToken !== "string" || !Array.isArray(fields.offerChoices)) return null;
  return { offerToken: fields.offerToken, offerChoices: fields.offerChoices.map(String) };
}

export function offerUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/offers/${token}`;
}

/** One recipient's copy with their link and amounts. */
export function fillOfferSlots(message: CompiledMessage, fields: OfferRecipientFields, publicUrl: string): CompiledMessage {
  const url = offerUrl(publicUrl, fields.offerToken);
  const html = `<ul style="margin:0;padding-left:20px">${fields.offerChoices.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`;
  const text = fields.offerChoices.map((line) => `- ${line}`).join("\n");
  return {
    subject: message.subject,
    html: message.html.replaceAll(CHOICES_SLOT, html).replaceAll(OFFER_URL_SLOT, escapeHtml(url)),
    // The text part has the link on a line of its own (compileMessage): the choices go just before it.
    text: message.text.replace(OFFER_URL_SLOT, `${text}\n\nChoose here: ${url}`).replaceAll(OFFER_URL_SLOT, url),
  };
}
