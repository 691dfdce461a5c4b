import type { CSSProperties, ReactNode } from "react";
import Link from "next/link";
import { getPageSettings } from "@/lib/settings/queries";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const settings = await getPageSettings();
  return (
    <div style={{ "--brand": settings.brandColor } as CSSProperties} className="mx-auto flex min-h-screen max-w-3xl flex-col px-4 py-8">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4">
        <Link href="/" className="focus-visible:outline-2 focus-visible:outline-offset-2">
          {settings.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- operator-supplied logo from any host
            <img src={settings.logoUrl} alt={settings.pageName} className="h-10 w-auto" />
          ) : (
            <span className="text-xl font-bold">{settings.pageName}</span>
          )}
        </Link>
        <nav aria-label="Status page" className="flex gap-4 text-sm font-medium">
          <Link href="/history" className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
            Incident history
          </Link>
          {settings.supportEmail && (
            <a href={`mailto:${settings.supportEmail}`} className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
              Contact support
            </a>
          )}
        </nav>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="mt-12 text-center text-xs text-slate-500 dark:text-slate-400">
        Times are shown in your time zone; hover a time for UTC. Powered by Candor.
      </footer>
    </div>
  );
}
