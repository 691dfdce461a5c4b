import type { ReactNode } from "react";
import Link from "next/link";
import { DatabaseOutage } from "@/components/database-outage";
import { buttonClasses } from "@/components/form-controls";
import { hasPermission, ROLE_LABELS } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { getDatabaseInfo } from "@/lib/database/info";
import { loadUnlessDatabaseDown } from "@/lib/health/database-outage";
import { describeEmbedded } from "@/lib/health/health-parts";
import { toDraftsSnapshot } from "@/lib/drafts/live-view";
import { listOpenDrafts, readDraftsVersion } from "@/lib/drafts/queries";
import { isLocalUrl } from "@/lib/settings/checklist";
import { getPageSettings } from "@/lib/settings/queries";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { AdminNav } from "./admin-nav";
import { DraftsBar } from "./drafts/drafts-bar";

export const dynamic = "force-dynamic";

async function loadLayout() {
  const operator = await requirePageAccess("admin:read");
  // The version first: a list read after it is at least as new, so the bar's poll from that version misses no change.
  const draftsVersion = await readDraftsVersion();
  const drafts = await listOpenDrafts();
  const { effectivePublicUrl } = await getPageSettings();
  return { operator, draftsVersion, drafts, effectivePublicUrl };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // While the database is unreachable every admin page would fail: say why, once, instead of a 500.
  const loaded = await loadUnlessDatabaseDown(loadLayout);
  if ("outage" in loaded) return <DatabaseOutage outage={loaded.outage} />;
  const { operator, draftsVersion, drafts, effectivePublicUrl } = loaded.value;
  const database = getDatabaseInfo();
  const restarts = describeEmbedded()?.restarts ?? 0;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:font-semibold focus:text-blue-800 focus:shadow dark:focus:bg-slate-900 dark:focus:text-blue-300"
      >
        Skip to main content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="text-lg font-bold focus-visible:outline-2 focus-visible:outline-blue-600">
            Candor <span className="font-normal text-slate-500 dark:text-slate-400">admin</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {hasPermission(operator.role, "incidents:write") && (
              <Link href="/admin/incidents/new" className={buttonClasses.danger}>
                Declare incident
              </Link>
            )}
            <Link href="/" className="text-blue-700 underline dark:text-blue-400">
              View status page
            </Link>
            <span>
              {operator.name}{" "}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold dark:bg-slate-800">
                {ROLE_LABELS[operator.role]}
              </span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className={buttonClasses.secondary}>
                Sign out
              </button>
            </form>
          </div>
        </div>
        {isLocalUrl(effectivePublicUrl) && (
          <p
            role="note"
            className="border-t border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            The public URL is {effectivePublicUrl}: links in email, feeds and the banner snippet point at this machine.{" "}
            <Link href="/admin/settings" className="font-semibold underline">
              Set the public URL
            </Link>{" "}
            (or PUBLIC_URL).
          </p>
        )}
      </header>
      <DraftsBar initial={toDraftsSnapshot(draftsVersion, drafts)} canPublish={hasPermission(operator.role, "incidents:write")} />
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <AdminNav />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
      <footer className="border-t border-slate-200 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p>
            Database: <span data-testid="database-kind">{database.label}</span>
            {restarts > 0 && (
              <>
                {" "}
                · restarted by Candor {restarts === 1 ? "once" : `${restarts} times`} since it started (see{" "}
                <a href="/api/health" className="underline">
                  /api/health
                </a>
                )
              </>
            )}
          </p>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="underline hover:text-slate-800 dark:hover:text-slate-200">
              Sign out on all devices
            </button>
          </form>
        </div>
      </footer>
    </div>
  );
}
