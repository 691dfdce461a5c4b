import Papa from "papaparse";
import { prisma } from "../db";

const HEADERS = [
  "email",
  "name",
  "first_name",
  "company",
  "account_id",
  "plan",
  "monthly_amount",
  "currency",
  "components",
  "tags",
  "unsubscribed_at",
  "bounced_at",
];

/** Every customer as CSV, in the columns the import reads back. */
export async function exportCustomersCsv(): Promise<string> {
  const customers = await prisma.customer.findMany({
    orderBy: { email: "asc" },
    include: { components: { include: { component: { select: { name: true } } } } },
  });
  const rows = customers.map((customer) => [
    customer.email,
    customer.name ?? "",
    customer.firstName ?? "",
    customer.company ?? "",
    customer.externalId ?? "",
    customer.plan ?? "",
    customer.monthlyAmountCents === null ? "" : (customer.monthlyAmountCents / 100).toFixed(2),
    customer.currency ?? "",
    customer.components.map((link) => link.component.name).join("; "),
    customer.tags.join("; "),
    customer.unsubscribedAt?.toISOString() ?? "",
    customer.bouncedAt?.toISOString() ?? "",
  ]);
  // A cell starting with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet: papaparse prefixes a quote.
  return Papa.unparse({ fields: HEADERS, data: rows }, { escapeFormulae: true });
}
