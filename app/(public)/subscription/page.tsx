import type { Metadata } from "next";
import { ComponentChoices } from "@/components/subscribers/component-choices";
import { buttonClasses } from "@/components/form-controls";
import { DomainError } from "@/lib/errors";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { getSubscriptionByToken, type SubscriptionView } from "@/lib/subscribers/manage";
import { isSubscriptionDoneCode, SUBSCRIPTION_DONE } from "@/lib/subscribers/page-messages";
import { isWellFormedToken } from "@/lib/subscribers/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your subscription", robots: { index: false } };

const INVALID = "This link is not valid or has expired. Subscribe again from the status page to get a new one.";

// Personal (the subscriber's own link), so never cached. A GET never changes
// anything: confirming and unsubscribing are buttons that POST.
export default async function SubscriptionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  return (
    <section aria-labelledby="subscription-heading" className="mx-auto max-w-xl">
      <h1 id="subscription-heading" className="text-2xl font-bold">
        Your subscription
      </h1>
      {typeof query.confirm === "string" ? <ConfirmForm token={query.confirm} /> : await preferences(query)}
    </section>
  );
}

function ConfirmForm({ token }: { token: string }) {
  if (!isWellFormedToken(token)) return <Invalid />;
  return (
    <form method="post" action="/api/subscription" className="mt-4 space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">Confirm that you want notices at this address.</p>
      <input type="hidden" name="token" value={token} />
      <button type="submit" name="intent" value="confirm" className={buttonClasses.primary}>
        Confirm my subscription
      </button>
    </form>
  );
}

async function preferences(query: Record<string, string | string[] | undefined>) {
  let subscription: SubscriptionView;
  try {
    subscription = await getSubscriptionByToken(query.token);
  } catch (error) {
    if (error instanceof DomainError) return <Invalid />;
    throw error;
  }
  const token = query.token as string;
  const { snapshot } = await readPublicSnapshot();
  const isActive = subscription.state === "confirmed";
  return (
    <>
      {isSubscriptionDoneCode(query.done) && (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          ✓ {SUBSCRIPTION_DONE[query.done]}
        </p>
      )}
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        Notices for <strong>{subscription.email}</strong>:{" "}
        {isActive ? "on" : subscription.state === "pending" ? "waiting for confirmation" : "off"}.
      </p>
      <form
        method="post"
        action="/api/subscription"
        className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <input type="hidden" name="token" value={token} />
        <ComponentChoices groups={snapshot.groups} checked={subscription.allComponents ? [] : subscription.componentIds} />
        <button type="submit" name="intent" value="save" className={buttonClasses.primary}>
          {isActive ? "Save preferences" : "Subscribe again with these"}
        </button>
      </form>
      {isActive && (
        <form method="post" action="/api/subscription" className="mt-6">
          <input type="hidden" name="token" value={token} />
          <button type="submit" name="intent" value="unsubscribe" className={buttonClasses.secondary}>
            Unsubscribe from all notices
          </button>
        </form>
      )}
    </>
  );
}

function Invalid() {
  return (
    <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
      {INVALID}{" "}
      <a href="/subscribe" className="underline underline-offset-2">
        Subscribe again
      </a>
    </p>
  );
}
