import type { Metadata } from "next";
import { verifyUnsubscribe } from "@/lib/email/unsubscribe";
import { UnsubscribeForm } from "./unsubscribe-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const a = typeof query.a === "string" ? query.a : "";
  const t = typeof query.t === "string" ? query.t : "";
  const email = verifyUnsubscribe(a, t);
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-bold">Unsubscribe</h1>
      {query.sample === "1" ? (
        <p role="status" className="mt-3 text-sm">
          This is the unsubscribe link of a preview or a test message: it unsubscribes no one. In the messages customers receive, it
          unsubscribes the recipient.
        </p>
      ) : email ? (
        <>
          <p className="mt-3 text-sm">
            Stop emails about incidents and postmortems to <strong>{email}</strong>?
          </p>
          <UnsubscribeForm a={a} t={t} />
        </>
      ) : (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          This link is not valid (it may be cut short). Use the unsubscribe link at the end of a message from us.
        </p>
      )}
    </section>
  );
}
