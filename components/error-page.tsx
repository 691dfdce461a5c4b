"use client";

import Link from "next/link";
import { DatabaseOutage } from "./database-outage";
import { useDatabaseOutage } from "./use-database-outage";

/**
 * What a failed page shows (app/error.tsx, app/admin/error.tsx,
 * app/global-error.tsx): the database outage in words when that is the
 * cause, else a reference the log has and a way to try again.
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = useDatabaseOutage();
  if (outage) return <DatabaseOutage outage={outage} retry={reset} />;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm font-semibold tracking-wide text-blue-700 dark:text-blue-400">Candor</p>
        <h1 className="text-2xl font-bold">This page could not be shown</h1>
        <p role="status">
          Something went wrong on our side{error.digest && <> (reference {error.digest}, also in Candor&rsquo;s log)</>}. Nothing you had
          not already saved was changed.
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          If it keeps happening,{" "}
          <a href="/api/health" className="text-blue-700 underline dark:text-blue-400">
            /api/health
          </a>{" "}
          says whether Candor reaches its database.
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          <button type="button" onClick={reset} className="text-blue-700 underline dark:text-blue-400">
            Try again
          </button>
          <Link href="/" className="text-blue-700 underline dark:text-blue-400">
            View the public status page
          </Link>
        </p>
      </div>
    </main>
  );
}
