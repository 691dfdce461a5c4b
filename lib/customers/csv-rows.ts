// From CSV records to customers: which column is which field, and every
// problem of every row, with its line number. Pure: parsing the bytes is
// papaparse's job (import-csv.ts), writing them is upsert-customers.ts.
import { z } from "zod";
import { parseMajorAmount } from "../offers/money";

/** The largest customer file accepted (checked in the browser and on the server). */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;

export const CUSTOMER_FIELDS = {
  email: { label: "Email", aliases: ["email", "emailaddress", "mail", "e-mail"] },
  name: { label: "Name", aliases: ["name", "fullname", "contactname", "contact"] },
  firstName: { label: "First name", aliases: ["firstname", "givenname", "first"] },
  company: { label: "Company", aliases: ["company", "organisation", "organization", "companyname", "accountname"] },
  externalId: { label: "Account id", aliases: ["externalid", "accountid", "customerid", "account", "id"] },
  plan: { label: "Plan", aliases: ["plan", "tier", "subscription"] },
  monthlyAmount: { label: "Monthly amount", aliases: ["monthlyamount", "mrr", "amount", "monthly", "price"] },
  currency: { label: "Currency", aliases: ["currency", "cur"] },
  components: { label: "Components used", aliases: ["components", "services", "products", "componentsused"] },
  tags: { label: "Tags", aliases: ["tags", "labels", "segments"] },
  stripeCustomerId: { label: "Stripe customer id", aliases: ["stripecustomerid", "stripeid", "stripecustomer", "stripe"] },
} as const;

export type CustomerField = keyof typeof CUSTOMER_FIELDS;
export const CUSTOMER_FIELD_NAMES = Object.keys(CUSTOMER_FIELDS) as CustomerField[];
/** Column index per field, or null when the file has no such column. */
export type ColumnMapping = Record<CustomerField, number | null>;

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A first guess from the header row; the operator can change it. */
export function guessMapping(headers: string[]): ColumnMapping {
  const squashed = headers.map(squash);
  const mapping = {} as ColumnMapping;
  const taken = new Set<number>();
  for (const field of CUSTOMER_FIELD_NAMES) {
    const aliases: readonly string[] = CUSTOMER_FIELDS[field].aliases;
    const index = squashed.findIndex((header, column) => !taken.has(column) && aliases.includes(header));
    mapping[field] = index === -1 ? null : index;
    if (index !== -1) taken.add(index);
  }
  return mapping;
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export interface CustomerRow {
  email: string;
  name: string | null;
  firstName: string | null;
  company: string | null;
  externalId: string | null;
  plan: string | null;
  monthlyAmountCents: number | null;
  currency: string | null;
  componentIds: string[] | null;
  tags: string[] | null;
  stripeCustomerId: string | null;
}

export interface RowProblem {
  /** The line in the file (the header is line 1). */
  line: number;
  problems: string[];
}

const emailSchema = z.email();
const text = (max: number) => (value: string | undefined, label: string, problems: string[]) => {
  const trimmed = value?.trim() ?? "";
  if (trimmed.length > max) problems.push(`${label} is longer than ${max} characters.`);
  return trimmed === "" ? null : trimmed.slice(0, max);
};
const split = (value: string) =>
  value
    .split(/[;|,]/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * One record as a customer and what is wrong with it (usable only when
 * nothing is). `components` maps lower-case component names to ids.
 */
export function toCustomerRow(
  record: string[],
  mapping: ColumnMapping,
  components: Map<string, string>,
): { row: CustomerRow; problems: string[] } {
  const cell = (field: CustomerField) => (mapping[field] === null ? undefined : record[mapping[field]!]);
  const problems: string[] = [];
  // PostgreSQL text cannot hold a NUL byte: said here, not as a failed import.
  const withNul = record.findIndex((value) => value.includes("\u0000"));
  if (withNul !== -1)
    problems.push(
      `Column ${withNul + 1} contains a NUL character (byte 0), which cannot be stored. Remove it, or export the file again as UTF-8 text.`,
    );
  const rawEmail = cell("email")?.trim().toLowerCase() ?? "";
  if (rawEmail === "") problems.push("Email is empty.");
  else if (!emailSchema.safeParse(rawEmail).success) problems.push(`“${rawEmail.slice(0, 80)}” is not an email address.`);

  const rawCurrency = cell("currency")?.trim().toUpperCase() ?? "";
  if (rawCurrency !== "" && !CURRENCIES.has(rawCurrency))
    problems.push(`Unknown currency “${rawCurrency.slice(0, 10)}”: use a three-letter ISO code such as EUR or USD.`);
  const monthlyAmountCents = monthlyAmount(cell("monthlyAmount")?.trim() ?? "", rawCurrency, problems);

  let componentIds: string[] | null = null;
  const rawComponents = cell("components");
  if (rawComponents !== undefined) {
    componentIds = [];
    for (const name of split(rawComponents)) {
      const id = components.get(name.toLowerCase());
      if (id) componentIds.push(id);
      else problems.push(`Unknown component “${name.slice(0, 60)}”: use the names on your status page.`);
    }
  }
  const rawTags = cell("tags");
  const tags = rawTags === undefined ? null : [...new Set(split(rawTags).map((tag) => tag.slice(0, 40)))];

  const row: CustomerRow = {
    email: rawEmail,
    name: text(120)(cell("name"), "Name", problems),
    firstName: text(80)(cell("firstName"), "First name", problems),
    company: text(120)(cell("company"), "Company", problems),
    externalId: text(100)(cell("externalId"), "Account id", problems),
    plan: text(60)(cell("plan"), "Plan", problems),
    monthlyAmountCents,
    currency: rawCurrency === "" ? null : rawCurrency,
    componentIds,
    tags,
    stripeCustomerId: stripeCustomerId(cell("stripeCustomerId")?.trim() ?? "", problems),
  };
  return { row, problems };
}

/**
 * The monthly amount in minor units of its currency (ISO 4217: "4900" JPY is
 * 4900, "49.90" EUR is 4990, "12.345" KWD is 12345).
 */
function monthlyAmount(raw: string, currency: string, problems: string[]): number | null {
  if (raw === "") return null;
  const normalised = raw.replace(/[\s_]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^-?\d+(\.\d{1,3})?$/.test(normalised)) {
    problems.push(`Monthly amount “${raw.slice(0, 40)}” is not a number like 49 or 49.90.`);
    return null;
  }
  if (normalised.startsWith("-")) problems.push(`Monthly amount cannot be negative (${raw}).`);
  else if (Number(normalised) > 100_000_000) problems.push(`Monthly amount ${raw} is too large.`);
  else if (currency === "") problems.push("A monthly amount needs a currency.");
  else if (CURRENCIES.has(currency)) {
    const minor = parseMajorAmount(normalised, currency);
    if (minor === null) problems.push(`Monthly amount ${raw} has more decimals than ${currency} has.`);
    return minor;
  }
  return null;
}

/** Stripe's customer ids look like cus_NffrFeUfNV2Hib. */
function stripeCustomerId(raw: string, problems: string[]): string | null {
  if (raw === "") return null;
  if (!/^cus_[A-Za-z0-9]{1,250}$/.test(raw)) {
    problems.push(`Stripe customer id “${raw.slice(0, 40)}” does not look like one (cus_…).`);
    return null;
  }
  return raw;
}

/**
 * Checks records one at a time as the file is read, duplicates within the
 * file included, keeping only the customers (not the raw records).
 */
export class RecordChecker {
  readonly rows: CustomerRow[] = [];
  /** The line of each good row. */
  readonly lines: number[] = [];
  readonly problems: RowProblem[] = [];
  readonly #emails = new Map<string, number>();
  readonly #accounts = new Map<string, number>();

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly components: Map<string, string>,
  ) {}

  add(record: string[], line: number): void {
    const checked = toCustomerRow(record, this.mapping, this.components);
    const found = [...checked.problems];
    const { email, externalId: account } = checked.row;
    if (email && this.#emails.has(email)) found.push(`${email} is also on line ${this.#emails.get(email)}; each customer once per file.`);
    if (account && this.#accounts.has(account)) found.push(`Account id ${account} is also on line ${this.#accounts.get(account)}.`);
    if (email && !this.#emails.has(email)) this.#emails.set(email, line);
    if (account && !this.#accounts.has(account)) this.#accounts.set(account, line);
    if (found.length) this.problems.push({ line, problems: found });
    else {
      this.rows.push(checked.row);
      this.lines.push(line);
    }
  }
}

/** Every record checked, duplicates within the file included; `firstLine` is the first data line's number. */
export function checkRecords(
  records: string[][],
  mapping: ColumnMapping,
  components: Map<string, string>,
  firstLine = 2,
): { rows: CustomerRow[]; lines: number[]; problems: RowProblem[] } {
  const checker = new RecordChecker(mapping, components);
  records.forEach((record, index) => checker.add(record, firstLine + index));
  return { rows: checker.rows, lines: checker.lines, problems: checker.problems };
}
