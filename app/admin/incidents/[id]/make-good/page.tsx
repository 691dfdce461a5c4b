import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { loadCampaignFormOptions } from "@/lib/campaigns/form-options";
import { listIncidentOffers } from "@/lib/offers/queries";
import { suggestedOffer } from "@/lib/offers/suggest";
import { OfferForm } from "./offer-form";

export const metadata: Metadata = { title: "Make good" };

export default async function MakeGoodPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess("campaigns:send");
  const { id } = await params;
  const [suggested, options] = await Promise.all([suggestedOffer(id), loadCampaignFormOptions()]);
  if (!suggested) notFound();
  const offers = await listIncidentOffers(suggested.incident.id);
  return (
    <>
      <PageHeader
        title="Make good"
        description={
          <>
            Offer the customers affected by{" "}
            <Link href={`/admin/incidents/${id}`} className="underline">
              {suggested.incident.title}
            </Link>{" "}
            a credit. You review every recipient and amount before anything is sent.
          </>
        }
      />
      {offers.length > 0 && (
        <nav aria-label="Offers for this incident" className="mb-6 text-sm">
          <h2 className="font-semibold">Offers already made</h2>
          <ul className="mt-1 list-disc pl-5">
            {offers.map((offer) => (
              <li key={offer.id}>
                <Link href={`/admin/offers/${offer.id}`} className="text-blue-700 underline dark:text-blue-400">
                  {offer.state === "sent" ? "Sent" : "Draft"} on {offer.createdAt.toISOString().slice(0, 10)}, deadline{" "}
                  {offer.deadline.toISOString().slice(0, 10)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <OfferForm suggested={suggested} components={options.components} plans={options.plans} tags={options.tags} />
    </>
  );
}
