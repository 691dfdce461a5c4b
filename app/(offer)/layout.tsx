import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import { PageLogo } from "@/components/page-logo";
import { readPublicSnapshot } from "@/lib/public-snapshot";

// The offer pages carry the status page's branding but none of its live
// updates: they are personal, never cached, and hold a form being filled in.
export default async function OfferLayout({ children }: { children: ReactNode }) {
  const { settings } = (await readPublicSnapshot()).snapshot;
  return (
    <div style={{ "--brand": settings.brandColor } as CSSProperties} className="mx-auto flex min-h-screen max-w-xl flex-col px-4 py-6">
      <header className="mb-6">
        <Link href="/" prefetch={false} className="focus-visible:outline-2 focus-visible:outline-offset-2">
          <PageLogo settings={settings} className="h-9 w-auto max-w-[14rem] object-contain object-left" nameClassName="text-lg font-bold" />
        </Link>
      </header>
      <main className="flex-1">{children}</main>
      {settings.supportEmail && (
        <footer className="mt-10 text-center text-xs text-slate-600 dark:text-slate-400">
          Questions?{" "}
          <a href={`mailto:${settings.supportEmail}`} className="underline underline-offset-2">
            {settings.supportEmail}
          </a>
        </footer>
      )}
    </div>
  );
}
