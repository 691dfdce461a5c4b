import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/form-controls";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { listComponentTree } from "@/lib/components/queries";
import { CUSTOMER_PAGE_SIZE, listCustomers } from "@/lib/customers/queries";
import { CustomerForm } from "./customer-form";
import { TableHead } from "@/components/table-head";
import { formatMinor } from "@/lib/offers/money";

export const metadata: Metadata = { title: "Customers" };

function money(minor: number | null, currency: string | null): string {
  return minor === null || !currency ? "" : formatMinor(minor, currency);
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const operator = await requirePageAccess("admin:read");
  const { q = "", page: rawPage } = await searchParams;
  const page = Math.min(Math.max(1, Number.parseInt(rawPage ?? "1", 10) || 1), 100_000);
  const search = typeof q === "string" ? q.slice(0, 200) : "";
  const [{ items, total }, tree] = await Promise.all([listCustomers({ search, page }), listComponentTree()]);
  const canWrite = hasPermission(operator.role, "customers:write");
  const components = tree.flatMap((group) => group.components.map((component) => ({ id: component.id, name: component.name })));
  const pages = Math.max(1, Math.ceil(total / CUSTOMER_PAGE_SIZE));
  const pageLink = (to: number) => `/admin/customers?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(to) })}`;
  return (
    <>
      <PageHeader
        title="Customers"
        description="Who receives incident notices and postmortems. Unsubscribed and bounced addresses are never sent to."
      >
        <div className="flex gap-2">
          {canWrite && (
            <Link href="/admin/customers/import" className={buttonClasses.primary}>
              Import CSV
            </Link>
          )}
          <a href="/admin/customers/export" className={buttonClasses.secondary} download>
            Export CSV
          </a>
        </div>
      </PageHeader>
      <Panel>
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
          <label className="text-sm">
            <span className="block font-medium">Search</span>
            <input
              name="q"
              defaultValue={search}
              placeholder="Email, name, company or account id"
              className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <button type="submit" className={buttonClasses.secondary}>
            Search
          </button>
          <p className="ml-auto text-sm text-slate-600 dark:text-slate-300">
            {total.toLocaleString("en")} {total === 1 ? "customer" : "customers"}
          </p>
        </form>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {search ? "No customer matches." : "No customers yet: import a CSV or add one below."}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <TableHead columns={["Email", "Name", "Company", "Account id", "Plan", "Monthly", "Components", "Tags", "Mail"]} />
              <tbody>
                {items.map((customer) => (
                  <tr key={customer.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-3 font-medium">
                      {canWrite ? (
                        <Link href={`/admin/customers/${customer.id}`} className="text-blue-700 underline dark:text-blue-400">
                          {customer.email}
                        </Link>
                      ) : (
                        customer.email
                      )}
                    </td>
                    <td className="py-2 pr-3">{customer.name}</td>
                    <td className="py-2 pr-3">{customer.company}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{customer.externalId}</td>
                    <td className="py-2 pr-3">{customer.plan}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{money(customer.monthlyAmountCents, customer.currency)}</td>
                    <td className="py-2 pr-3">{customer.components.join(", ")}</td>
                    <td className="py-2 pr-3">{customer.tags.join(", ")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {customer.bouncedAt ? "✕ Bounced" : customer.unsubscribedAt ? "⊘ Unsubscribed" : "✓ Receives"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label="Customer pages" className="mt-4 flex items-center justify-between text-sm">
            {page > 1 ? (
              <Link href={pageLink(page - 1)} className="underline">
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <Link href={pageLink(page + 1)} className="underline">
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Panel>
      {canWrite && (
        <div className="mt-6">
          <Panel title="Add a customer">
            <CustomerForm components={components} />
          </Panel>
        </div>
      )}
    </>
  );
}
