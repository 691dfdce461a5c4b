import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findOfferPage } from "@/lib/offers/respond";
import { formatDeadline } from "./format";

export const dynamic = "force-dynamic";
// The token is in the address: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Your credit", robots: { index: false }, referrer: "no-referrer" };

const panel = "rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900";

/** A customer's offer, from the link in their email. A GET shows it and changes nothing (mail scanners open links). */
export default async function OfferPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const offer = await findOfferPage(token);
  if (!offer) notFound();
  return (
    <article className={panel}>
      <h1 className="text-xl leading-snug font-bold">{offer.incidentTitle}</h1>
      {offer.summary && <p className="mt-2 text-slate-700 dark:text-slate-300">{offer.summary}</p>}
      {offer.postmortemPath && (
        <p className="mt-2">
          <a href={offer.postmortemPath} className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
            Read what happened and what we changed
          </a>
        </p>
      )}
      {offer.isOpen ? <OpenOffer token={token} offer={offer} /> : <ClosedOffer offer={offer} />}
    </article>
  );
}

function OpenOffer({ token, offer }: { token: string; offer: NonNullable<Awaited<ReturnType<typeof findOfferPage>>> }) {
  return (
    <form method="post" action={`/offers/${token}/answer`} className="mt-5">
      <input type="hidden" name="formToken" value={offer.formToken} />
      <fieldset>
        <legend className="font-semibold">We&apos;d like to make it right. Choose one:</legend>
        <div className="mt-3 space-y-2">
          {offer.choices.map((choice) => (
            <label
              key={choice.id}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-[var(--brand)] has-[:checked]:bg-slate-50 dark:border-slate-600 dark:has-[:checked]:border-blue-300 dark:has-[:checked]:bg-slate-800"
            >
              <input
                type="radio"
                name="choice"
                value={choice.id}
                required
                defaultChecked={offer.chosen?.id === choice.id}
                className="mt-1 size-4 accent-[var(--brand)]"
              />
              <span>
                <span className="block font-medium">{choice.label}</span>
                {choice.amount && <span className="block text-lg font-semibold">{choice.amount}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {offer.hasCommentBox && (
        <div className="mt-4">
          <label htmlFor="comment" className="block font-medium">
            Anything you&apos;d like to tell us? <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
          </label>
          <textarea
            id="comment"
            name="comment"
            rows={3}
            maxLength={2000}
            defaultValue={offer.comment ?? ""}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
      )}
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        {offer.chosen ? `You chose “${offer.chosen.label}”. You can change your answer until ` : "Please answer by "}
        <time dateTime={offer.deadline.toISOString()}>{formatDeadline(offer.deadline)}</time>.
      </p>
      <button
        type="submit"
        className="mt-4 w-full rounded-md bg-[var(--brand)] px-4 py-3 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 sm:w-auto"
      >
        {offer.chosen ? "Change my answer" : "Send my answer"}
      </button>
    </form>
  );
}

function ClosedOffer({ offer }: { offer: NonNullable<Awaited<ReturnType<typeof findOfferPage>>> }) {
  return (
    <div className="mt-5" role="status">
      <p className="font-semibold">
        This offer closed on <time dateTime={offer.deadline.toISOString()}>{formatDeadline(offer.deadline)}</time>.
      </p>
      <p className="mt-2">
        {offer.chosen
          ? `You chose: ${offer.chosen.label}${offer.chosen.amount ? ` (${offer.chosen.amount})` : ""}.`
          : "You did not choose an option before it closed."}
      </p>
      {offer.comment && (
        <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-slate-700 dark:text-slate-300">{offer.comment}</blockquote>
      )}
    </div>
  );
}
