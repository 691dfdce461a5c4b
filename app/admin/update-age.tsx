"use client";

import { useSyncExternalStore } from "react";
import { formatAge } from "@/lib/incidents/format-duration";
import { isUpdateOverdue } from "@/lib/incidents/constants";

function subscribeToClock(onChange: () => void): () => void {
  const timer = setInterval(onChange, 30_000);
  return () => clearInterval(timer);
}

/**
 * "Last public update 12 min ago", and a warning once customers have waited
 * 30 minutes. Computed against the render time on the server and on the
 * first client render (so they agree), then against the browser's clock.
 */
export function UpdateAge({ iso, renderedAt }: { iso: string; renderedAt: string }) {
  const now = useSyncExternalStore(
    subscribeToClock,
    () => Math.floor(Date.now() / 30_000) * 30_000,
    () => new Date(renderedAt).getTime(),
  );
  const last = new Date(iso);
  const isOverdue = isUpdateOverdue(last, new Date(now));
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span>
        Last public update{" "}
        <time dateTime={iso} title={`${iso.replace("T", " ").slice(0, 16)} UTC`}>
          {formatAge(now - last.getTime())}
        </time>
      </span>
      {isOverdue && (
        <strong className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950 dark:bg-amber-900 dark:text-amber-100">
          No update for 30 min: customers were promised one
        </strong>
      )}
    </span>
  );
}
