import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { NO_AMOUNT_REASONS } from "@/lib/offers/amounts";
import { DECLINE_LABEL, describeChoice } from "@/lib/offers/choices";
import { formatMinor } from "@/lib/offers/money";
import { getOffer, reviewOffer, type OfferDetail } from "@/lib/offers/queries";
import { listOfferResponses, summariseOffer } from "@/lib/offers/summary";
import { getEnv } from "@/lib/env";
import { ApplyStripeForm, MarkCreditedForm, SendOfferForm } from "./offer-forms";

export const metadata: Metadata = { title: "Make-good offer" };

/** Rows shown on the page; the CSV export has every one. */
const SHOWN = 500;
const cell = "py-2 pr-3 align-top";

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

async function Review({ offer, canSend }: { offer: OfferDetail; canSend: boolean }) {
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

async function Tracking({ offer, canCredit }: { offer: OfferDetail; canCredit: boolean }) {
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
