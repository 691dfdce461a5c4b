// Money in integer minor units, per ISO 4217 exponent (JPY 0 decimals, EUR 2,
// KWD 3), taken from the runtime's ICU data through Intl. Pure: no database.

const exponents = new Map<string, number>();

/** Decimals of a currency's minor unit: 0 for JPY, 2 for EUR, 3 for KWD. Throws RangeError for an unknown code. */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

const SUPPORTED = new Set(Intl.supportedValuesOf("currency"));

export function isKnownCurrency(code: string): boolean {
  return SUPPORTED.has(code);
}

/**
 * "12.5" EUR → 1250; "1500" JPY → 1500; "1.234" KWD → 1234. Null when the text
 * is not a plain non-negative decimal or has more decimals than the currency.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const normalised = text.trim().replace(/[\s_]/g, "");
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(normalised);
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const decimals = match[2] ?? "";
  if (decimals.length > exponent) return null;
  const minor = Number(match[1]) * 10 ** exponent + Number(decimals.padEnd(exponent, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 1250 EUR → "€12.50"; 1500 JPY → "¥1,500"; 1234 KWD → "KWD 1.234" (in the given locale). */
export function formatMinor(amount: number, currency: string, locale = "en"): string {
  const exponent = currencyExponent(currency);
  const key = `${locale} ${currency}`;
  // Made once per locale and currency: building one costs far more than formatting (100,000 offers).
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(amount / 10 ** exponent);
}

/** 1250 EUR → "12.50": the amount as a plain decimal, for CSV files and form fields. */
export function minorToDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
