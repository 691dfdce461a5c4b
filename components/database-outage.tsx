import Link from "next/link";
import { LocalTime } from "@/components/local-time";

export interface DatabaseOutageView {
  since: string;
  snapshotBuiltAt: string | null;
  checks: string[];
}

/**
 * What the admin, sign-in and error pages say while the database is
 * unreachable: since when, what the public sees, what to check. Server and
 * client components both render it (the error boundaries are client ones).
 */
export function DatabaseOutage({
  outage,
  retry,
  retryHref = "/admin",
}: {
  outage: DatabaseOutageView;
  retry?: () => void;
  retryHref?: string;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg space-y-4 rounded-xl border border-amber-400 bg-white p-8 shadow-sm dark:border-amber-500 dark:bg-slate-900">
        <p className="text-sm font-semibold tracking-wide text-blue-700 dark:text-blue-400">Candor</p>
        <h1 className="text-2xl font-bold">The database is not answering</h1>
        <p role="status">
          Candor cannot reach its database since <LocalTime iso={outage.since} />; the public page is being served from the last snapshot
          {outage.snapshotBuiltAt && (
            <>
              {" "}
              (of <LocalTime iso={outage.snapshotBuiltAt} />)
            </>
          )}
          . Signing in and admin changes wait until it is back; this page does not update by itself.
        </p>
        <div>
          <h2 className="font-semibold">What to check</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            {outage.checks.map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ul>
        </div>
        <p className="flex flex-wrap gap-4 text-sm">
          {retry ? (
            <button type="button" onClick={retry} className="text-blue-700 underline dark:text-blue-400">
              Try again
            </button>
          ) : (
            <a href={retryHref} className="text-blue-700 underline dark:text-blue-400">
              Try again
            </a>
          )}
          <Link href="/" className="text-blue-700 underline dark:text-blue-400">
            View the public status page
          </Link>
        </p>
      </div>
    </main>
  );
}
