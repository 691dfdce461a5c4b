import Papa from "papaparse";
import { getOffer } from "./queries";
import { minorToDecimal } from "./money";
import { listOfferResponses } from "./summary";

export const OFFER_CSV_HEADERS = [
  "customer",
  "external_id",
  "email",
  "choice",
  "amount",
  "currency",
  "responded_at",
  "comment",
  "credited_at",
  "billing_reference",
] as const;

/** Every response of an offer as CSV for billing; amounts in the currency's decimals; spreadsheet formulas defused. */
export async function exportOfferCsv(offerId: string): Promise<string> {
  const offer = await getOffer(offerId);
  const responses = await listOfferResponses(offer.id, offer.choices);
  const rows = responses.map((row) => [
    row.company ?? row.name ?? "",
    row.externalId ?? "",
    row.email,
    row.choiceLabel,
    row.amount === null ? "" : minorToDecimal(row.amount, row.currency),
    row.currency,
    row.respondedAt?.toISOString() ?? "",
    row.comment ?? "",
    row.creditedAt?.toISOString() ?? "",
    row.billingReference ?? "",
  ]);
  // A cell starting with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet: papaparse prefixes a quote.
  return Papa.unparse({ fields: [...OFFER_CSV_HEADERS], data: rows }, { escapeFormulae: true });
}
