"use client";

// Keeps an open public page current: listens to the front server's event
// stream (/api/v2/stream) and refreshes the page's data when what it shows
// changed; where EventSource is missing or keeps failing (an old proxy, the
// stream's cap, the cache turned off), asks for the page's ETag every
// POLL_MS instead. The same component for every reader, so cached pages stay
// identical.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const STREAM = "/api/v2/stream";
const POLL_MS = 15_000;
/** Consecutive stream errors before falling back to polling. */
const MAX_FAILURES = 3;

interface LiveEvent {
  generation: number;
  changed: string[];
}

function parse(data: string): LiveEvent | null {
  try {
    const event = JSON.parse(data) as LiveEvent;
    return typeof event.generation === "number" && Array.isArray(event.changed) ? event : null;
  } catch {
    return null;
  }
}

/**
 * A saved page the front server served in place of a render, with the stale
 * notice it put in (lib/public-cache/stale-notice.ts): Next cannot render it
 * now, so it is loaded anew as a whole rather than refreshed.
 */
function isSavedPage(): boolean {
  return document.querySelector("candor-stale-notice") !== null;
}

export function LiveUpdates({ generation }: { generation: number }) {
  const router = useRouter();
  const known = useRef(generation);
  useEffect(() => {
    known.current = generation;
  }, [generation]);

  useEffect(() => {
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    let etag: string | null = null;

    const startPolling = () => {
      if (poll) return;
      const check = async () => {
        const response = await fetch(location.pathname + location.search, { method: "HEAD", cache: "no-cache" }).catch(() => null);
        const tag = response?.ok ? response.headers.get("etag") : null;
        if (tag && etag && tag !== etag) {
          if (isSavedPage()) location.reload();
          else router.refresh();
        }
        if (tag) etag = tag;
      };
      void check();
      poll = setInterval(() => void check(), POLL_MS);
    };

    if (typeof EventSource === "undefined") {
      startPolling();
    } else {
      source = new EventSource(STREAM);
      source.addEventListener("snapshot", (message) => {
        failures = 0;
        const event = parse((message as MessageEvent<string>).data);
        if (!event) return;
        // Its generation is another process's: load it anew once the page moves.
        if (isSavedPage()) {
          if (event.changed.includes("page")) location.reload();
          return;
        }
        // The first event (and the first after a reconnect) names nothing: compare versions.
        const moved = event.changed.includes("page") || (event.changed.length === 0 && event.generation !== known.current);
        known.current = event.generation;
        if (moved) router.refresh();
      });
      source.addEventListener("error", () => {
        failures++;
        if (source && (source.readyState === EventSource.CLOSED || failures >= MAX_FAILURES)) {
          source.close();
          source = null;
          startPolling();
        }
      });
    }
    return () => {
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [router]);
  return null;
}
