"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { StatusBadge } from "@/components/status-badge";
import type { ActionResult } from "@/lib/action-result";
import { INCIDENT_STATUS_LABELS, IMPACT_LABELS } from "@/lib/incidents/constants";
import type { DraftsSnapshot, LiveDraft } from "@/lib/drafts/live-view";
import { dismissDraftAction, publishDraftAction } from "./actions";

const RETRY_AFTER_ERROR_MS = 3_000;

/**
 * Follows the drafts through a long poll, so a new one shows within a second without a reload.
 * A fresh server render (after this operator's own publish, say) replaces what the poll last saw:
 * the poll restarts from it and would otherwise wait for the next change to show it.
 */
function useLiveDrafts(initial: DraftsSnapshot): DraftsSnapshot {
  const [followed, setFollowed] = useState({ from: initial.version, snapshot: initial });
  if (followed.from !== initial.version) setFollowed({ from: initial.version, snapshot: initial });
  useEffect(() => {
    const controller = new AbortController();
    const from = initial.version;
    let version = from;
    async function follow() {
      while (!controller.signal.aborted) {
        try {
          const response = await fetch(`/admin/drafts/live?since=${encodeURIComponent(version)}`, {
            signal: controller.signal,
            cache: "no-store",
          });
          if (!response.ok) throw new Error(`drafts: ${response.status}`);
          const next = (await response.json()) as DraftsSnapshot;
          if (controller.signal.aborted) return;
          version = next.version;
          // A newer server render may already be in state, before this effect's cleanup has run.
          setFollowed((current) => (current.from === from ? { ...current, snapshot: next } : current));
        } catch {
          if (controller.signal.aborted) return;
          await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
        }
      }
    }
    void follow();
    return () => controller.abort();
  }, [initial.version]);
  return followed.from === initial.version ? followed.snapshot : initial;
}

export function DraftsBar({ initial, canPublish }: { initial: DraftsSnapshot; canPublish: boolean }) {
  const { drafts } = useLiveDrafts(initial);
  const count = drafts.length;
  return (
    <section
      aria-label="Drafts waiting"
      className={count ? "border-b border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950" : ""}
    >
      <p role="status" aria-live="polite" className={count ? "mx-auto max-w-6xl px-4 pt-3 text-sm font-semibold" : "sr-only"}>
        {count > 0 && (
          <span className="mr-2 inline-flex min-w-6 items-center justify-center rounded-full bg-amber-700 px-2 py-0.5 text-xs font-bold text-white">
            {count}
          </span>
        )}
        {count === 0 ? "No drafts waiting." : `${count === 1 ? "1 draft" : `${count} drafts`} waiting for a person to publish`}
      </p>
      {count > 0 && (
        <ul className="mx-auto max-w-6xl space-y-3 px-4 py-3">
          {drafts.map((draft) => (
            <DraftCard key={draft.id} draft={draft} canPublish={canPublish} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DraftCard({ draft, canPublish }: { draft: LiveDraft; canPublish: boolean }) {
  const [published, publishAction, isPublishing] = useActionState<ActionResult<{ incidentId: string }> | null, FormData>(
    publishDraftAction,
    null,
  );
  const [dismissed, dismissAction, isDismissing] = useActionState<ActionResult | null, FormData>(dismissDraftAction, null);
  const heading =
    draft.kind === "update" ? `Proposed: ${INCIDENT_STATUS_LABELS[draft.status]} — ${draft.incidentTitle ?? draft.title}` : draft.title;
  const errors = published && !published.ok ? published.fieldErrors : undefined;
  return (
    <li className="rounded-md border border-amber-300 bg-white p-3 text-sm dark:border-amber-800 dark:bg-slate-900">
      <article aria-label={heading}>
        <h2 className="font-semibold">{heading}</h2>
        <p className="text-slate-600 dark:text-slate-300">
          {draft.kind === "update" ? "Update" : "New incident"} from {draft.source} · impact {IMPACT_LABELS[draft.impact]} ·{" "}
          {INCIDENT_STATUS_LABELS[draft.status]}
          {draft.alertCount > 1 && ` · ${draft.alertCount} alert notifications`}
        </p>
        {draft.isAlertResolved && <p className="font-medium">The alert has stopped firing; consider dismissing this draft.</p>}
        {draft.components.length > 0 && (
          <ul className="mt-1 flex flex-wrap gap-3">
            {draft.components.map((component) => (
              <li key={component.componentId}>
                {component.name}: <StatusBadge status={component.status} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-1 whitespace-pre-wrap">{draft.message}</p>
        {draft.incidentId && draft.kind === "update" && (
          <Link className="text-blue-700 underline dark:text-blue-400" href={`/admin/incidents/${draft.incidentId}`}>
            Open the incident
          </Link>
        )}
        {canPublish && (
          <div className="mt-2 flex flex-wrap items-end gap-3">
            <form action={publishAction} className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="draftId" value={draft.id} />
              <label className="flex items-center gap-2">
                <input type="checkbox" name="setBanner" />
                Also set the sign-in banner
              </label>
              <TextField
                id={`banner-${draft.id}`}
                name="bannerMessage"
                label="Banner message"
                maxLength={500}
                errors={errors?.bannerMessage}
              />
              <button type="submit" className={buttonClasses.danger} disabled={isPublishing} aria-label={`Publish “${draft.title}”`}>
                {isPublishing ? "Publishing…" : "Publish"}
              </button>
            </form>
            <form action={dismissAction}>
              <input type="hidden" name="draftId" value={draft.id} />
              <button type="submit" className={buttonClasses.secondary} disabled={isDismissing} aria-label={`Dismiss “${draft.title}”`}>
                Dismiss
              </button>
            </form>
          </div>
        )}
        <FormMessage state={published && !published.ok ? published : dismissed && !dismissed.ok ? dismissed : null} />
      </article>
    </li>
  );
}
