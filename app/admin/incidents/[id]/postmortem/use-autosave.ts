"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PostmortemContent } from "@/lib/postmortems/sections";
import { savePostmortemAction } from "./actions";

export type SaveStatus =
  | { kind: "saved"; revision: number; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "conflict"; message: string; latestRevision: number }
  /** `retry`: the network failed, not the text; saving again by itself. */
  | { kind: "error"; message: string; fieldErrors?: Record<string, string[]>; retry: boolean };

const AUTOSAVE_DELAY_MS = 1_500;

/**
 * The editor's content and its saving: 1.5 s after the last change, or now.
 * Each save names the revision it started from, so a save over someone
 * else's newer revision comes back as a conflict instead of overwriting it.
 */
export function useAutosave(incidentId: string, initial: PostmortemContent, initialRevision: number) {
  const [content, setContentState] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", revision: initialRevision, at: null });
  const contentRef = useRef(content);
  const baseRef = useRef(initialRevision);
  const inFlight = useRef(false);

  const setContent = useCallback((update: (current: PostmortemContent) => PostmortemContent) => {
    setContentState((current) => {
      const next = update(current);
      contentRef.current = next;
      return next;
    });
    // A conflict waits for the operator's choice; a save under way is followed by another.
    setStatus((current) => (current.kind === "conflict" || current.kind === "saving" ? current : { kind: "dirty" }));
  }, []);

  const save = useCallback(
    async (baseRevision = baseRef.current) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setStatus({ kind: "saving" });
      const sent = contentRef.current;
      const formData = new FormData();
      formData.set("incidentId", incidentId);
      formData.set("baseRevision", String(baseRevision));
      // A new, still empty action item is kept on screen but not saved.
      formData.set("content", JSON.stringify({ ...sent, actionItems: sent.actionItems.filter((item) => item.description.trim() !== "") }));
      try {
        const result = await savePostmortemAction(formData);
        if (result.ok) {
          baseRef.current = result.data.revision;
          setStatus(contentRef.current === sent ? { kind: "saved", revision: result.data.revision, at: new Date() } : { kind: "dirty" });
        } else if (typeof result.details?.latestRevision === "number") {
          setStatus({ kind: "conflict", message: result.message, latestRevision: result.details.latestRevision });
        } else {
          setStatus({ kind: "error", message: result.message, fieldErrors: result.fieldErrors, retry: false });
        }
      } catch {
        setStatus({
          kind: "error",
          message: "Could not reach Candor to save. Your text is still here; saving again in a moment.",
          retry: true,
        });
      } finally {
        inFlight.current = false;
      }
    },
    [incidentId],
  );

  useEffect(() => {
    const retry = status.kind === "error" && status.retry;
    if (status.kind !== "dirty" && !retry) return;
    const timer = setTimeout(() => void save(), retry ? AUTOSAVE_DELAY_MS * 4 : AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, status, save]);

  // Leaving with unsaved text asks first.
  useEffect(() => {
    if (status.kind === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status.kind]);

  /** Replace the text with another revision's and continue from it (taking theirs after a conflict). */
  const adopt = useCallback((revision: number, next: PostmortemContent) => {
    contentRef.current = next;
    baseRef.current = revision;
    setContentState(next);
    setStatus({ kind: "saved", revision, at: null });
  }, []);

  return { content, setContent, status, save, adopt, savedRevision: status.kind === "saved" ? status.revision : null };
}
