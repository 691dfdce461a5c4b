import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import { PageLogo } from "@/components/page-logo";
import { StaleNotice } from "@/components/status/stale-notice";
import { getEnv } from "@/lib/env";
import { LIVE_TIMES_NOTE } from "@/lib/mirror/times-note";
import { getPublicSnapshotStore, readPublicSnapshot } from "@/lib/public-snapshot";
import { LiveUpdates } from "./live-updates";

export function generateMetadata(): Metadata {
  return {
    // Absolute URLs for the feeds and the social preview (public/social-preview.png), where people reach Candor.
    metadataBase: new URL(getEnv().PUBLIC_URL),
    alternates: { types: { "application/rss+xml": "/history.rss", "application/atom+xml": "/history.atom" } },
    openGraph: { type: "website", images: [{ url: "/social-preview.png", width: 1200, height: 630, alt: "Status page" }] },
  };
}

// Public pages read only the snapshot and never the request, so Candor's
// server can keep their rendered bytes (lib/public-cache). Plain links, not
// <Link>: router prefetches would reach Next for every visitor.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { snapshot, staleSince, confirmedAt } = await readPublicSnapshot();
  const { settings } = snapshot;
  return (
    <div style={{ "--brand": settings.brandColor } as CSSProperties} className="mx-auto flex min-h-screen max-w-3xl flex-col px-4 py-8">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4">
        <a href="/" className="focus-visible:outline-2 focus-visible:outline-offset-2">
          <PageLogo settings={settings} className="h-10 w-auto max-w-[16rem] object-contain object-left" />
        </a>
        <nav aria-label="Status page" className="no-print flex flex-wrap items-center gap-4 text-sm font-medium">
          {settings.websiteUrl && (
            <a href={settings.websiteUrl} className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
              Back to {new URL(settings.websiteUrl).hostname}
            </a>
          )}
          <a href="/history" className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
            Incident history
          </a>
          <a
            href="/subscribe"
            className="rounded-md border border-[var(--brand)] px-3 py-1 text-[var(--brand)] hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-blue-300 dark:text-blue-300 dark:hover:bg-slate-800"
          >
            Subscribe to updates
          </a>
          {settings.supportEmail && (
            <a href={`mailto:${settings.supportEmail}`} className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
              Contact support
            </a>
          )}
        </nav>
      </header>
      <main className="flex-1">
        {staleSince && <StaleNotice updatedAt={confirmedAt.toISOString()} />}
        {children}
      </main>
      <footer className="no-print mt-12 text-center text-xs text-slate-500 dark:text-slate-400">
        <p>
          Follow incidents:{" "}
          <a href="/history.rss" className="underline underline-offset-2">
            RSS
          </a>{" "}
          ·{" "}
          <a href="/history.atom" className="underline underline-offset-2">
            Atom
          </a>{" "}
          ·{" "}
          <a href="/api/v2/summary.json" className="underline underline-offset-2">
            JSON API
          </a>{" "}
          ·{" "}
          <a href="/maintenance.ics" className="underline underline-offset-2">
            Maintenance calendar
          </a>
        </p>
        <p className="mt-1">{`${LIVE_TIMES_NOTE} Powered by Candor.`}</p>
      </footer>
      <LiveUpdates generation={getPublicSnapshotStore().generation} />
    </div>
  );
}
