import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { DECLINE_LABEL, describeChoice } from "@/lib/offers/choices";
import { getOffer } from "@/lib/offers/queries";
import { Review } from "./review-panel";
import { Tracking } from "./tracking-panel";

export const metadata: Metadata = { title: "Make-good offer" };

export default async function OfferPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const operator = await requirePageAccess("admin:read");
  const { id } = await params;
  const offer = await getOffer(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const canSend = hasPermission(operator.role, "campaigns:send");
  const choices = [...offer.choices.map(describeChoice), DECLINE_LABEL].join(" · ");
  return (
    <>
      <PageHeader
        title={`Make good: ${offer.incidentTitle}`}
        description={
          <>
            {choices}. Deadline{" "}
            <time dateTime={offer.deadline.toISOString()}>{offer.deadline.toISOString().slice(0, 16).replace("T", " ")} UTC</time>.{" "}
            <Link href={`/admin/incidents/${offer.incidentId}`} className="underline">
              Back to the incident
            </Link>
          </>
        }
      />
      {(await searchParams).sent && (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          Sent: the offer is queued in the outbox, one personal message per customer.
        </p>
      )}
      {offer.state === "draft" ? <Review offer={offer} canSend={canSend} /> : <Tracking offer={offer} canCredit={canSend} />}
    </>
  );
}
