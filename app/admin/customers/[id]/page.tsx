import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { listComponentTree } from "@/lib/components/queries";
import { findCustomer } from "@/lib/customers/queries";
import { minorToDecimal } from "@/lib/offers/money";
import { CustomerForm } from "../customer-form";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess("customers:write");
  const { id } = await params;
  const [customer, tree] = await Promise.all([findCustomer(id), listComponentTree()]);
  if (!customer) notFound();
  return (
    <>
      <PageHeader
        title={customer.email}
        description={
          <>
            {customer.bouncedAt
              ? "✕ Bounced: not sent to until the address changes. "
              : customer.unsubscribedAt
                ? "⊘ Unsubscribed: not sent to. "
                : ""}
            <Link href="/admin/customers" className="text-blue-700 underline dark:text-blue-400">
              All customers
            </Link>
          </>
        }
      />
      <Panel>
        <CustomerForm
          components={tree.flatMap((group) => group.components.map((component) => ({ id: component.id, name: component.name })))}
          customer={{
            id: customer.id,
            email: customer.email,
            name: customer.name ?? "",
            firstName: customer.firstName ?? "",
            company: customer.company ?? "",
            externalId: customer.externalId ?? "",
            plan: customer.plan ?? "",
            monthlyAmount:
              customer.monthlyAmountCents === null || !customer.currency
                ? ""
                : minorToDecimal(customer.monthlyAmountCents, customer.currency),
            currency: customer.currency ?? "",
            tags: customer.tags.join(", "),
            componentIds: customer.componentIds,
          }}
        />
      </Panel>
    </>
  );
}
