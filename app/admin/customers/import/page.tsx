import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { CUSTOMER_FIELDS } from "@/lib/customers/csv-rows";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import customers" };

export default async function ImportCustomersPage() {
  await requirePageAccess("customers:write");
  const fields = Object.entries(CUSTOMER_FIELDS).map(([key, field]) => ({ key, label: field.label }));
  return (
    <>
      <PageHeader
        title="Import customers"
        description={
          <>
            A CSV file in UTF-8, up to 10 MB, with a header row; comma, semicolon or tab separated. Customers are matched by account id,
            then by email: existing ones are updated, others added.{" "}
            <Link href="/admin/customers" className="text-blue-700 underline dark:text-blue-400">
              Back to customers
            </Link>
          </>
        }
      />
      <ImportForm fields={fields} />
    </>
  );
}
