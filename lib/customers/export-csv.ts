import Papa from "papaparse";
import { prisma } from "../db";
import { minorToDecimal } from "../offers/money";

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
  "stripe_customer_id",
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
    customer.monthlyAmountCents === null || !customer.currency ? "" : minorToDecimal(customer.monthlyAmountCents, customer.currency),
    customer.currency ?? "",
    customer.components.map((link) => link.component.name).join("; "),
    customer.tags.join("; "),
    customer.unsubscribedAt?.toISOString() ?? "",
    customer.bouncedAt?.toISOString() ?? "",
    customer.stripeCustomerId ?? "",
  ]);
  // A cell starting with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet: papaparse prefixes a quote.
  return Papa.unparse({ fields: HEADERS, data: rows }, { escapeFormulae: true });
}
