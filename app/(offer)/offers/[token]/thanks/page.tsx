import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findOfferPage } from "@/lib/offers/respond";
import { formatDeadline } from "../format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Thank you", robots: { index: false }, referrer: "no-referrer" };

/** After answering: what was recorded, and how to change it. */
export default async function OfferThanksPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const offer = await findOfferPage(token);
  if (!offer) notFound();
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-xl font-bold">Thank you</h1>
      <p className="mt-3" role="status">
        {offer.chosen
          ? `We recorded your answer: ${offer.chosen.label}${offer.chosen.amount ? ` (${offer.chosen.amount})` : ""}.`
          : "We have not recorded an answer yet."}
      </p>
      {offer.isOpen && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Changed your mind?{" "}
          <a href={`/offers/${token}`} className="underline underline-offset-2">
            Change your answer
          </a>{" "}
          until <time dateTime={offer.deadline.toISOString()}>{formatDeadline(offer.deadline)}</time>.
        </p>
      )}
    </article>
  );
}
