import { requireOperator } from "@/lib/auth/session";
import { exportCustomersCsv } from "@/lib/customers/export-csv";
import { DomainError } from "@/lib/errors";

export async function GET() {
  try {
    await requireOperator("admin:read");
  } catch (error) {
    if (error instanceof DomainError)
      return new Response(`${error.message}\n`, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const csv = await exportCustomersCsv();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
