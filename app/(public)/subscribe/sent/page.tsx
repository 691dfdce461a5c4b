import type { Metadata } from "next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

// The one answer to every subscription request, whether or not the address
// was known: nobody learns from this page who subscribes.
export default function SubscribeSentPage() {
  return (
    <section aria-labelledby="sent-heading" className="mx-auto max-w-xl">
      <h1 id="sent-heading" className="text-2xl font-bold">
        Check your inbox
      </h1>
      <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        If the address can receive notices, an email is on its way to it. Open the link in it within 48 hours to confirm your subscription;
        until then you get nothing else from us.
      </p>
      <p className="mt-4 text-sm">
        <a href="/" className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
          Back to the status page
        </a>
      </p>
    </section>
  );
}
