// What the admin's drafts bar receives: open drafts as JSON-safe values. Pure.
import type { DraftView } from "./queries";

export type LiveDraft = Omit<DraftView, "createdAt"> & { createdAt: string };

export interface DraftsSnapshot {
  version: string;
  drafts: LiveDraft[];
}

export function toDraftsSnapshot(version: string, drafts: DraftView[]): DraftsSnapshot {
  return { version, drafts: drafts.map((draft) => ({ ...draft, createdAt: draft.createdAt.toISOString() })) };
}
