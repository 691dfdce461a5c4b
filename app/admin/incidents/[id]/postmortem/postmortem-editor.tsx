"use client";

import { useEffect, useId } from "react";
import { FieldError, buttonClasses } from "@/components/form-controls";
import { PostmortemBody } from "@/components/postmortem/postmortem-body";
import { insertInTimeOrder } from "@/lib/postmortems/timeline-order";
import { SECTIONS, visibleSections, type PostmortemContent, type SectionKey } from "@/lib/postmortems/sections";
import { ActionItemsEditor } from "./action-items-editor";
import { ConflictPanel } from "./conflict-panel";
import { SaveStatusLine } from "./save-status-line";
import { useAutosave } from "./use-autosave";
import { WorkflowBar, type WorkflowView } from "./workflow-bar";

export interface InternalNoteChoice {
  id: string;
  /** The timeline line it becomes, marked "(internal note)". */
  line: string;
  at: string;
  authorName: string | null;
  message: string;
}

const textareaClasses =
  "block min-h-24 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm [field-sizing:content] " +
  "focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 read-only:bg-slate-50 " +
  "aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900 dark:read-only:bg-slate-950";

export function PostmortemEditor(props: {
  incidentId: string;
  content: PostmortemContent;
  revision: number;
  editable: boolean;
  internalNotes: InternalNoteChoice[];
  workflow: WorkflowView;
}) {
  const { content, setContent, status, save, adopt, savedRevision } = useAutosave(props.incidentId, props.content, props.revision);
  const idPrefix = useId();

  // Someone else's save or a restore arrived with a page refresh: show it, unless this editor holds unsaved text.
  useEffect(() => {
    if (status.kind === "saved" && props.revision > status.revision) adopt(props.revision, props.content);
  }, [props.revision, props.content, status, adopt]);

  const setSection = (key: SectionKey, change: { body?: string; hidden?: boolean }) =>
    setContent((current) => ({
      ...current,
      sections: current.sections.map((section) => (section.key === key ? { ...section, ...change } : section)),
    }));
  const fieldErrors = status.kind === "error" ? status.fieldErrors : undefined;
  const timeline = content.sections.find((section) => section.key === "timeline")?.body ?? "";

  return (
    <div className="space-y-4">
      <div className="no-print sticky top-0 z-20 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <SaveStatusLine status={status} editable={props.editable} onSave={() => void save()} />
        <WorkflowBar incidentId={props.incidentId} revision={savedRevision} facts={props.workflow} content={content} />
      </div>
      {status.kind === "conflict" && (
        <ConflictPanel
          incidentId={props.incidentId}
          message={status.message}
          latestRevision={status.latestRevision}
          mine={content}
          onKeepMine={() => void save(status.latestRevision)}
          onTakeTheirs={adopt}
        />
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="space-y-6">
          <div className="space-y-1">
            <label htmlFor={`${idPrefix}-title`} className="block text-sm font-semibold">
              Title
            </label>
            <input
              id={`${idPrefix}-title`}
              value={content.title}
              readOnly={!props.editable}
              onChange={(event) => setContent((current) => ({ ...current, title: event.target.value }))}
              aria-invalid={Boolean(fieldErrors?.["content.title"])}
              aria-describedby={fieldErrors?.["content.title"] ? `${idPrefix}-title-error` : undefined}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900"
            />
            <FieldError id={`${idPrefix}-title-error`} errors={fieldErrors?.["content.title"]} />
          </div>
          {SECTIONS.map(({ key, title, hint }) => {
            const section = content.sections.find((item) => item.key === key)!;
            const id = `${idPrefix}-${key}`;
            return (
              <div key={key} className="space-y-1" data-section={key}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <label htmlFor={id} className="text-sm font-semibold">
                    {title}
                    {section.hidden && <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">(hidden)</span>}
                  </label>
                  {key !== "summary" && (
                    <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
                      <input
                        type="checkbox"
                        aria-label={`Hide ${title}`}
                        checked={section.hidden}
                        disabled={!props.editable}
                        onChange={(event) => setSection(key, { hidden: event.target.checked })}
                      />
                      Hide this section
                    </label>
                  )}
                </div>
                <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
                  {hint}
                </p>
                {!section.hidden && (
                  <textarea
                    id={id}
                    value={section.body}
                    readOnly={!props.editable}
                    onChange={(event) => setSection(key, { body: event.target.value })}
                    aria-describedby={`${id}-hint`}
                    rows={key === "timeline" ? 10 : 4}
                    className={textareaClasses}
                  />
                )}
                {key === "timeline" && props.editable && props.internalNotes.length > 0 && !section.hidden && (
                  <InternalNotes
                    notes={props.internalNotes}
                    timeline={timeline}
                    onImport={(line) => setSection("timeline", { body: insertInTimeOrder(timeline, line) })}
                  />
                )}
                {key === "prevention" && (
                  <ActionItemsEditor
                    items={content.actionItems}
                    editable={props.editable}
                    onChange={(actionItems) => setContent((current) => ({ ...current, actionItems }))}
                  />
                )}
              </div>
            );
          })}
        </div>
        <aside
          aria-label="Preview"
          tabIndex={0}
          className="xl:sticky xl:top-16 xl:max-h-[calc(100vh-5rem)] xl:overflow-y-auto focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              Preview: as customers will read it
            </p>
            <h1 className="mb-6 text-2xl font-bold">{content.title || "Untitled postmortem"}</h1>
            <PostmortemBody sections={visibleSections(content)} actionItems={content.actionItems} />
          </div>
        </aside>
      </div>
    </div>
  );
}

function InternalNotes({ notes, timeline, onImport }: { notes: InternalNoteChoice[]; timeline: string; onImport: (line: string) => void }) {
  return (
    <details className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <summary className="cursor-pointer font-medium">
        Internal notes ({notes.length}): not in the draft; add one only if customers may read it
      </summary>
      <ul className="mt-3 space-y-3">
        {notes.map((note) => {
          const imported = timeline.includes(note.line);
          return (
            <li key={note.id} className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 flex-1">
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {note.at.replace("T", " ").slice(0, 16)} UTC{note.authorName ? ` · ${note.authorName}` : ""}
                </p>
                <p className="break-words whitespace-pre-wrap">{note.message}</p>
              </div>
              <button type="button" className={buttonClasses.secondary} disabled={imported} onClick={() => onImport(note.line)}>
                {imported ? "In the timeline" : "Add to timeline, marked"}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
