"use client";

import { useEffect, useState } from "react";
import { LocalTime } from "@/components/local-time";

function minutesAgo(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  return minutes < 1
    ? "less than a minute ago"
    : minutes === 1
      ? "1 minute ago"
      : minutes < 120
        ? `${minutes} minutes ago`
        : `${Math.round(minutes / 60)} hours ago`;
}

/**
 * Shown while Candor cannot reach its database: the page is the last good
 * one. The age is worked out in the browser, so the cached page stays valid.
 */
export function StaleNotice({ updatedAt }: { updatedAt: string }) {
  const [age, setAge] = useState<string | null>(null);
  useEffect(() => {
    const tick = () => setAge(minutesAgo(updatedAt));
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, [updatedAt]);
  return (
    <p
      role="status"
      className="mb-6 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
    >
      <span aria-hidden="true">⚠ </span>
      This page could not be refreshed just now. It shows the status as last updated at <LocalTime iso={updatedAt} />
      {age && <> ({age})</>}; it will update by itself.
    </p>
  );
}
