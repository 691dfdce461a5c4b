import { Panel } from "@/components/page-header";
import { NO_AMOUNT_REASONS } from "@/lib/offers/amounts";
import { describeChoice } from "@/lib/offers/choices";
import { formatMinor } from "@/lib/offers/money";
import { reviewOffer, type OfferDetail } from "@/lib/offers/queries";
import { SendOfferForm } from "./offer-forms";
import { cell, SHOWN } from "./table";

/** Before sending: the liability, every recipient with their amounts, and who is left out. */
export async function Review({ offer, canSend }: { offer: OfferDetail; canSend: boolean }) {
  const review = await reviewOffer(offer);
  return (
    <div className="space-y-6">
      <Panel title="Total liability per currency">
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">If every customer took their largest credit.</p>
        <ul className="flex flex-wrap gap-4 text-lg font-semibold">
          {review.liability.map(([currency, total]) => (
            <li key={currency}>{formatMinor(total, currency)}</li>
          ))}
        </ul>
        {canSend && (
          <div className="mt-4">
            <SendOfferForm offerId={offer.id} recipients={review.included.length} />
          </div>
        )}
      </Panel>
      <Panel title={`Recipients (${review.included.length.toLocaleString("en")})`}>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th className={cell}>Customer</th>
              {offer.choices.map((choice, index) => (
                <th key={index} className={cell}>
                  {describeChoice(choice)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.included.slice(0, SHOWN).map((recipient) => (
              <tr key={recipient.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className={cell}>
                  {recipient.name ?? recipient.email}{" "}
                  <span className="text-slate-500 dark:text-slate-400">{recipient.name ? recipient.email : ""}</span>
                </td>
                {recipient.offer.amounts.map((entry, index) => (
                  <td key={index} className={cell}>
                    {entry.amount === null ? `— (${NO_AMOUNT_REASONS[entry.reason]})` : formatMinor(entry.amount, recipient.currency!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {review.included.length > SHOWN && (
          <p className="mt-2 text-sm">…and {(review.included.length - SHOWN).toLocaleString("en")} more.</p>
        )}
      </Panel>
      <Panel title={`Left out (${review.excluded.length.toLocaleString("en")})`}>
        {review.excluded.length === 0 ? (
          <p className="text-sm">Every customer in the audience has an amount.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
              No credit applies to them, so they are not sent the offer. Add their monthly amount and currency, or a fixed credit in their
              currency.
            </p>
            <ul className="list-disc pl-5 text-sm">
              {review.excluded.slice(0, SHOWN).map((recipient) => {
                const first = recipient.offer.amounts[0]!;
                return (
                  <li key={recipient.id}>
                    {recipient.email}: {first.amount === null ? NO_AMOUNT_REASONS[first.reason] : ""}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Panel>
    </div>
  );
}
