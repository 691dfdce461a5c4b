import type { Metadata } from "next";
import { ComponentChoices } from "@/components/subscribers/component-choices";
import { buttonClasses, TextField } from "@/components/form-controls";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { isSubscribeErrorCode, SUBSCRIBE_ERRORS } from "@/lib/subscribers/page-messages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribe to updates" };

// Cached like every public page: the same bytes for every visitor, and one
// copy per fixed error code (the form POSTs to /api/subscribe, which answers
// with a redirect here or to /subscribe/sent). Works without JavaScript.
export default async function SubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  const { snapshot } = await readPublicSnapshot();
  const message = isSubscribeErrorCode(error) ? SUBSCRIBE_ERRORS[error] : null;
  return (
    <section aria-labelledby="subscribe-heading" className="mx-auto max-w-xl">
      <h1 id="subscribe-heading" className="text-2xl font-bold">
        Subscribe to updates
      </h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Get an email when {snapshot.settings.pageName} has an incident, plans maintenance or publishes a postmortem. We send a confirmation
        first; every email has a one-click unsubscribe link.
      </p>
      {message && (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {message}
        </p>
      )}
      <form
        method="post"
        action="/api/subscribe"
        className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          required
          maxLength={254}
          errors={error === "invalid_email" ? [SUBSCRIBE_ERRORS.invalid_email] : undefined}
        />
        <ComponentChoices groups={snapshot.groups} />
        <button type="submit" className={buttonClasses.primary}>
          Subscribe
        </button>
      </form>
      <h2 className="mt-8 text-lg font-semibold">Or follow without email</h2>
      <ul className="mt-2 space-y-1 text-sm">
        <li>
          <a href="/maintenance.ics" className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
            Maintenance calendar
          </a>{" "}
          (add it to your calendar app by its address)
        </li>
        {snapshot.groups
          .flatMap((group) => group.components)
          .map((component) => (
            <li key={component.id}>
              <a
                href={`/components/${component.id}/history.rss`}
                className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300"
              >
                {component.name}: RSS feed
              </a>
            </li>
          ))}
      </ul>
    </section>
  );
}
