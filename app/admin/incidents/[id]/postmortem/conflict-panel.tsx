"use client";

import { useState } from "react";
import { buttonClasses } from "@/components/form-controls";
import { RevisionDiff } from "@/components/postmortem/revision-diff";
import { compareContents } from "@/lib/postmortems/compare";
import type { RevisionDetail } from "@/lib/postmortems/queries";
import type { PostmortemContent } from "@/lib/postmortems/sections";
import { loadRevisionAction } from "./actions";

/** Someone saved a newer revision while this editor had changes: show both, let the operator choose. */
export function ConflictPanel(props: {
  incidentId: string;
  message: string;
  latestRevision: number;
  mine: PostmortemContent;
  onKeepMine: () => void;
  onTakeTheirs: (revision: number, content: PostmortemContent) => void;
}) {
  const [theirs, setTheirs] = useState<RevisionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<RevisionDetail | null> {
    if (theirs?.number === props.latestRevision) return theirs;
    const formData = new FormData();
    formData.set("incidentId", props.incidentId);
    formData.set("revision", String(props.latestRevision));
    const result = await loadRevisionAction(formData);
    if (!result.ok) {
      setError(result.message);
      return null;
    }
    setTheirs(result.data);
    return result.data;
  }

  return (
    <section aria-labelledby="conflict-title" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 dark:bg-red-950">
      <h2 id="conflict-title" className="font-semibold text-red-900 dark:text-red-100">
        <span aria-hidden="true">⚠ </span>Two people edited this postmortem
      </h2>
      <p className="mt-1 text-sm">{props.message}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClasses.secondary} onClick={() => void load()}>
          Compare theirs with mine
        </button>
        <button type="button" className={buttonClasses.primary} onClick={props.onKeepMine}>
          Keep mine as revision {props.latestRevision + 1}
        </button>
        <button
          type="button"
          className={buttonClasses.secondary}
          onClick={async () => {
            const revision = await load();
            if (revision) props.onTakeTheirs(revision.number, revision.content);
          }}
        >
          Take theirs, drop mine
        </button>
      </div>
      {error && <p className="mt-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
      {theirs && (
        <div className="mt-4 rounded-md bg-white p-3 dark:bg-slate-900">
          <p className="mb-2 text-sm font-medium">
            From revision {theirs.number} ({theirs.authorName ?? "another operator"}) to your text:
          </p>
          <RevisionDiff fields={compareContents(theirs.content, props.mine, { before: `revision ${theirs.number}`, after: "your text" })} />
        </div>
      )}
    </section>
  );
}
