"use client";

import { buttonClasses } from "@/components/form-controls";
import type { SaveStatus } from "./use-autosave";

export function SaveStatusLine({ status, editable, onSave }: { status: SaveStatus; editable: boolean; onSave: () => void }) {
  const text =
    status.kind === "saved"
      ? `Revision ${status.revision}${status.at ? `, saved at ${status.at.toTimeString().slice(0, 5)}` : ""}`
      : status.kind === "dirty"
        ? "Unsaved changes; saving shortly…"
        : status.kind === "saving"
          ? "Saving…"
          : status.kind === "conflict"
            ? "Not saved: someone else saved a newer revision"
            : `Not saved: ${status.message}`;
  return (
    <div className="flex items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${status.kind === "error" || status.kind === "conflict" ? "font-medium text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}
      >
        {status.kind === "saved" && <span aria-hidden="true">✓ </span>}
        {(status.kind === "error" || status.kind === "conflict") && <span aria-hidden="true">⚠ </span>}
        {text}
      </p>
      {editable && (status.kind === "dirty" || (status.kind === "error" && !status.retry)) && (
        <button type="button" className={buttonClasses.secondary} onClick={onSave}>
          Save now
        </button>
      )}
    </div>
  );
}
