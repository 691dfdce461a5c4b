"use client";

import { useSyncExternalStore } from "react";
import { formatAge } from "@/lib/incidents/format-duration";

const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

/** One clock for every age on the page: each subscriber re-reads it every 30 s. */
function subscribeToClock(onChange: () => void): () => void {
  const timer = setInterval(onChange, 30_000);
  return () => clearInterval(timer);
}

/**
 * "Updated 12 min ago", with the UTC time on hover. Public pages are cached,
 * so the server writes the absolute time (true for every reader at any
 * moment) and the browser turns it into an age, kept fresh by the clock.
 */
export function TimeAgo({ iso, prefix = "", withoutServerText = false }: { iso: string; prefix?: string; withoutServerText?: boolean }) {
  const text = useSyncExternalStore(
    subscribeToClock,
    () => formatAge(Date.now() - new Date(iso).getTime()),
    // Beside a time already written out, the server adds nothing; the age appears in the browser.
    () => (withoutServerText ? "" : `at ${utc(iso)}`),
  );
  if (!text) return null;
  return (
    <>
      {prefix}
      <time dateTime={iso} title={utc(iso)}>
        {text}
      </time>
    </>
  );
}
