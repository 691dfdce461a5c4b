"use client";

import { useEffect, useState } from "react";
import type { DatabaseOutageView } from "./database-outage";

/**
 * Asks /api/health whether the database is the reason a page failed: an
 * error boundary only gets a digest, never the server's error.
 */
export function useDatabaseOutage(): DatabaseOutageView | null {
  const [outage, setOutage] = useState<DatabaseOutageView | null>(null);
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json() as Promise<{ status?: string; outage?: DatabaseOutageView }>)
      .then((health) => current && health.status === "unavailable" && health.outage && setOutage(health.outage))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  return outage;
}
