import { requireOperator } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { exportSubscribersCsv } from "@/lib/subscribers/export-csv";

export async function GET() {
  try {
    await requireOperator("subscribers:manage");
  } catch (error) {
    if (error instanceof DomainError)
      return new Response(`${error.message}\n`, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const csv = await exportSubscribersCsv();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="subscribers-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
