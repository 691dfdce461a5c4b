// Customer CSV import: parse (papaparse, record by record), map columns, check
// every row as it is read, then upsert all good rows in one transaction (by
// account id, else by email).
import Papa from "papaparse";
import { prisma, type TransactionClient } from "../db";
import { ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { CSV_MAX_BYTES, guessMapping, RecordChecker, type ColumnMapping, type CustomerRow, type RowProblem } from "./csv-rows";

const SHOWN_PROBLEMS = 500;

interface ReadCsv {
  headers: string[];
  mapping: ColumnMapping;
  /** Records in the file (the header excluded). */
  total: number;
  rows: CustomerRow[];
  lines: number[];
  problems: RowProblem[];
}

/**
 * Reads the file record by record (papaparse's step mode) and checks each
 * as it comes, so a 100,000-row file is never held as raw records as well as
 * customers. Throws a ValidationError that says what is wrong with the file.
 */
function readCsv(text: string, mapping: ColumnMapping | null, components: Map<string, string>): ReadCsv {
  if (Buffer.byteLength(text) > CSV_MAX_BYTES)
    throw new ValidationError(`The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
  if (text.includes("\uFFFD"))
    throw new ValidationError("The file is not UTF-8 text (characters could not be read). Save it as “CSV UTF-8” and upload it again.");
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new ValidationError("The file is empty.");
  let headers: string[] | null = null;
  let columns: ColumnMapping | null = null;
  let checker: RecordChecker | null = null;
  let total = 0;
  let refusal: ValidationError | null = null;
  Papa.parse<string[]>(body, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
    step(result, parser) {
      const line = total + (headers ? 2 : 1);
      if (result.errors.some((error) => error.type === "Quotes")) {
        const broken = result.errors.find((error) => error.type === "Quotes")!;
        refusal = new ValidationError(`Line ${line}: ${broken.message}. Check the quotes on that line.`);
        return parser.abort();
      }
      if (checker) {
        total++;
        return checker.add(result.data, line);
      }
      headers = result.data.map((header) => header.trim());
      if (headers.length < 2 && !/mail/i.test(headers[0] ?? "")) {
        refusal = new ValidationError(
          "Only one column was found: the file may use a delimiter other than comma, semicolon, tab or |, or not be a CSV file.",
        );
        return parser.abort();
      }
      columns = mapping ?? guessMapping(headers);
      if (columns.email === null) {
        refusal = new ValidationError(
          "No column holds email addresses. Choose it in the column mapping (the header may be named “Email”).",
          { email: ["Choose the email column."] },
        );
        return parser.abort();
      }
      checker = new RecordChecker(columns, components);
    },
  });
  if (refusal) throw refusal;
  if (!headers || !columns || !checker || total === 0) throw new ValidationError("The file has a header row but no customers.");
  const { rows, lines, problems } = checker as RecordChecker;
  return { headers, mapping: columns, total, rows, lines, problems };
}

export interface ImportPreview {
  headers: string[];
  mapping: ColumnMapping;
  total: number;
  valid: number;
  toCreate: number;
  toUpdate: number;
  /** The first problems (all are counted in `invalid`). */
  problems: RowProblem[];
  invalid: number;
  sample: CustomerRow[];
}

async function componentNames(): Promise<Map<string, string>> {
  const components = await prisma.component.findMany({ select: { id: true, name: true } });
  return new Map(components.map((component) => [component.name.toLowerCase(), component.id]));
}

interface Checked {
  read: ReadCsv;
  mapping: ColumnMapping;
  rows: CustomerRow[];
  problems: RowProblem[];
  /** Existing customer id per good row (null: new). */
  targets: (string | null)[];
}

async function check(text: string, mapping: ColumnMapping | null, client: TransactionClient | typeof prisma = prisma): Promise<Checked> {
  const read = readCsv(text, mapping, await componentNames());
  const emails = read.rows.map((row) => row.email);
  const accounts = read.rows.flatMap((row) => (row.externalId ? [row.externalId] : []));
  // Arrays, not IN lists: 100,000 rows would pass PostgreSQL's parameter limit.
  const existing = (
    await client.$queryRaw<{ id: string; email: string; external_id: string | null }[]>`
      SELECT id, email, external_id FROM customers WHERE email = ANY(${emails}::text[]) OR external_id = ANY(${accounts}::text[])`
  ).map((row) => ({ id: row.id, email: row.email, externalId: row.external_id }));
  const byEmail = new Map(existing.map((customer) => [customer.email, customer]));
  const byAccount = new Map(existing.flatMap((customer) => (customer.externalId ? [[customer.externalId, customer] as const] : [])));
  const rows: CustomerRow[] = [];
  const targets: (string | null)[] = [];
  const problems = [...read.problems];
  read.rows.forEach((row, index) => {
    const byId = row.externalId ? byAccount.get(row.externalId) : undefined;
    const sameEmail = byEmail.get(row.email);
    if (byId && sameEmail && byId.id !== sameEmail.id) {
      problems.push({
        line: read.lines[index]!,
        problems: [
          `${row.email} belongs to another customer (account id ${sameEmail.externalId ?? "none"}) than account id ${row.externalId}.`,
        ],
      });
      return;
    }
    rows.push(row);
    targets.push((byId ?? sameEmail)?.id ?? null);
  });
  problems.sort((a, b) => a.line - b.line);
  return { read, mapping: read.mapping, rows, problems, targets };
}

export async function previewCustomerImport(text: string, mapping: ColumnMapping | null): Promise<ImportPreview> {
  const checked = await check(text, mapping);
  const toUpdate = checked.targets.filter(Boolean).length;
  return {
    headers: checked.read.headers,
    mapping: checked.mapping,
    total: checked.read.total,
    valid: checked.rows.length,
    toCreate: checked.rows.length - toUpdate,
    toUpdate,
    problems: checked.problems.slice(0, SHOWN_PROBLEMS),
    invalid: checked.problems.length,
    sample: checked.rows.slice(0, 10),
  };
}

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  skippedLines: number[];
}

/**
 * Imports every good row in one transaction. With bad rows it refuses unless
 * `skipBadRows`, and then reports the lines it left out.
 */
export async function importCustomers(
  actor: AuditActor,
  input: { text: string; mapping: ColumnMapping | null; skipBadRows: boolean },
): Promise<ImportReport> {
  return prisma.$transaction(
    async (tx) => {
      const checked = await check(input.text, input.mapping, tx);
      if (checked.problems.length && !input.skipBadRows) {
        const first = checked.problems[0]!;
        throw new ValidationError(
          `${checked.problems.length} ${checked.problems.length === 1 ? "row has" : "rows have"} problems (the first is line ${first.line}: ${first.problems[0]}). Fix the file, or choose to skip them.`,
        );
      }
      if (checked.rows.length === 0) throw new ValidationError("No row can be imported.");
      const creates = checked.rows.filter((_, index) => checked.targets[index] === null);
      const updates = checked.rows.flatMap((row, index) => (checked.targets[index] ? [{ id: checked.targets[index]!, row }] : []));
      const mapped = (field: keyof ColumnMapping) => checked.mapping[field] !== null;
      // In slices: one statement's parameters for 100,000 rows (text arrays, then the driver's copy) cost ~100 MB at once.
      for (const slice of slices(creates)) await bulkInsert(tx, slice);
      for (const slice of slices(updates)) await bulkUpdate(tx, slice, mapped);
      if (mapped("components")) await replaceComponents(tx, checked.rows);
      const report = {
        created: creates.length,
        updated: updates.length,
        skipped: checked.problems.length,
        skippedLines: checked.problems.map((problem) => problem.line),
      };
      await recordAudit(tx, actor, {
        action: "customers.imported",
        entityType: "customer",
        after: { created: report.created, updated: report.updated, skipped: report.skipped },
      });
      return report;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

const ROWS_PER_STATEMENT = 5_000;

function* slices<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) yield items.slice(start, start + ROWS_PER_STATEMENT);
}

/** The rows as one array per column, for unnest(): one statement whatever the row count. */
function columnArrays(rows: CustomerRow[]) {
  const column = <T>(pick: (row: CustomerRow) => T) => rows.map(pick);
  return [
    column((row) => row.email),
    column((row) => row.name),
    column((row) => row.firstName),
    column((row) => row.company),
    column((row) => row.externalId),
    column((row) => row.plan),
    column((row) => row.monthlyAmountCents),
    column((row) => row.currency),
    // A row's tags joined by the unit separator (unnest cannot take an array per row).
    column((row) => (row.tags?.length ? row.tags.join("\u001f") : null)),
    column((row) => row.stripeCustomerId),
  ] as const;
}

async function bulkInsert(tx: TransactionClient, rows: CustomerRow[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO customers (id, email, name, first_name, company, external_id, plan, monthly_amount_cents, currency, tags, stripe_customer_id, updated_at)
     SELECT gen_random_uuid()::text, u.email, u.name, u.first_name, u.company, u.external_id, u.plan, u.amount, u.currency, COALESCE(string_to_array(u.tags, chr(31)), '{}'), u.stripe_customer_id, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[])
       AS u(email, name, first_name, company, external_id, plan, amount, currency, tags, stripe_customer_id)`,
    ...columnArrays(rows),
  );
}

/** One UPDATE for all rows, setting only the fields the file has a column for. */
async function bulkUpdate(
  tx: TransactionClient,
  updates: { id: string; row: CustomerRow }[],
  mapped: (field: keyof ColumnMapping) => boolean,
): Promise<void> {
  const sets = [
    "email = u.email",
    mapped("name") && "name = u.name",
    mapped("firstName") && "first_name = u.first_name",
    mapped("company") && "company = u.company",
    mapped("externalId") && "external_id = u.external_id",
    mapped("plan") && "plan = u.plan",
    mapped("monthlyAmount") && "monthly_amount_cents = u.amount",
    mapped("currency") && "currency = u.currency",
    mapped("tags") && "tags = COALESCE(string_to_array(u.tags, chr(31)), '{}')",
    mapped("stripeCustomerId") && "stripe_customer_id = u.stripe_customer_id",
    "updated_at = now()",
  ].filter(Boolean);
  await tx.$executeRawUnsafe(
    `UPDATE customers c SET ${sets.join(", ")}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[])
       AS u(id, email, name, first_name, company, external_id, plan, amount, currency, tags, stripe_customer_id)
     WHERE c.id = u.id`,
    updates.map(({ id }) => id),
    ...columnArrays(updates.map(({ row }) => row)),
  );
}

async function replaceComponents(tx: TransactionClient, rows: CustomerRow[]): Promise<void> {
  const emails = rows.map((row) => row.email);
  await tx.$executeRaw`DELETE FROM customer_components WHERE customer_id IN (SELECT id FROM customers WHERE email = ANY(${emails}::text[]))`;
  const pairs = rows.flatMap((row) => (row.componentIds ?? []).map((componentId) => [row.email, componentId] as const));
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO customer_components (customer_id, component_id)
    SELECT c.id, p.component_id FROM unnest(${pairs.map((pair) => pair[0])}::text[], ${pairs.map((pair) => pair[1])}::text[]) AS p(email, component_id)
    JOIN customers c ON c.email = p.email
    ON CONFLICT DO NOTHING`;
}
