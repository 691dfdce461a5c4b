import Link from "next/link";
import { Panel } from "@/components/page-header";
import { getEnv } from "@/lib/env";
import { formatMinor } from "@/lib/offers/money";
import type { OfferDetail } from "@/lib/offers/queries";
import { listOfferResponses, summariseOffer } from "@/lib/offers/summary";
import { ApplyStripeForm, MarkCreditedForm } from "./offer-forms";
import { cell, SHOWN } from "./table";

/** After sending: totals per currency, every answer, credits and the billing export. */
export async function Tracking({ offer, canCredit }: { offer: OfferDetail; canCredit: boolean }) {
  const [summary, responses] = await Promise.all([
    summariseOffer(offer.id, offer.choices),
    listOfferResponses(offer.id, offer.choices, SHOWN),
  ]);
  return (
    <div className="space-y-6">
      <Panel title="Totals per currency">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th className={cell}>Currency</th>
              <th className={cell}>Offered</th>
              <th className={cell}>Accepted</th>
              <th className={cell}>Declined</th>
              <th className={cell}>No answer</th>
              <th className={cell}>Credited</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((row) => (
              <tr key={row.currency} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className={cell}>
                  {row.currency}
                </th>
                <td className={cell}>
                  {row.offered.count} (up to {formatMinor(row.offered.upTo, row.currency)})
                </td>
                <td className={cell}>
                  {row.accepted.map((entry) => (
                    <div key={entry.choiceId}>
                      {entry.label}: {entry.count} · {formatMinor(entry.sum, row.currency)}
                    </div>
                  ))}
                </td>
                <td className={cell}>{row.declined}</td>
                <td className={cell}>{row.noAnswer}</td>
                <td className={cell}>
                  {row.credited.count} · {formatMinor(row.credited.sum, row.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <a href={`/admin/offers/${offer.id}/export`} className="text-blue-700 underline dark:text-blue-400" download>
            Export CSV for billing
          </a>
          {offer.campaignId && (
            <Link href={`/admin/campaigns/${offer.campaignId}`} className="text-blue-700 underline dark:text-blue-400">
              Delivery progress
            </Link>
          )}
          {canCredit && <MarkCreditedForm offerId={offer.id} label="Mark all accepted as credited" />}
          {canCredit && getEnv().STRIPE_SECRET_KEY && <ApplyStripeForm offerId={offer.id} />}
        </div>
      </Panel>
      <Panel title="Responses">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th className={cell}>Customer</th>
              <th className={cell}>Answer</th>
              <th className={cell}>Comment</th>
              <th className={cell}>Credited</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((row) => (
              <tr key={row.customerId} className="border-t border-slate-200 dark:border-slate-800">
                <td className={cell}>
                  {row.name ?? row.email}
                  {row.name && <div className="text-slate-500 dark:text-slate-400">{row.email}</div>}
                </td>
                <td className={cell}>
                  {row.choiceLabel}
                  {row.amount !== null && <div className="font-semibold">{formatMinor(row.amount, row.currency)}</div>}
                  {row.respondedAt && (
                    <div className="text-slate-500 dark:text-slate-400">
                      <time dateTime={row.respondedAt.toISOString()}>
                        {row.respondedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                      </time>
                    </div>
                  )}
                </td>
                <td className={cell}>{row.comment}</td>
                <td className={cell}>
                  {row.creditedAt ? (
                    <>
                      ✓ <time dateTime={row.creditedAt.toISOString()}>{row.creditedAt.toISOString().slice(0, 10)}</time>
                      {row.billingReference && <div className="text-slate-500 dark:text-slate-400">{row.billingReference}</div>}
                    </>
                  ) : row.choice?.startsWith("credit_") && canCredit ? (
                    <MarkCreditedForm offerId={offer.id} customerId={row.customerId} label="Mark as credited" />
                  ) : null}
                  {row.stripeError && <div className="text-red-700 dark:text-red-400">Stripe: {row.stripeError}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
