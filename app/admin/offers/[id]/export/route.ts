import { requireOperator } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { exportOfferCsv } from "@/lib/offers/export-csv";

export const dynamic = "force-dynamic";

/** The offer's responses as CSV for billing. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireOperator("admin:read");
    const { id } = await params;
    const csv = await exportOfferCsv(id);
    return new Response(`\uFEFF${csv}\n`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="offer-${id.replace(/[^A-Za-z0-9_-]/g, "")}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError)
      return new Response(`${error.message}\n`, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
