// A readable comparison of two revisions: per field, the words removed and
// added, with unchanged text around them. Pure.
import { diffWordsWithSpace } from "diff";
import { ACTION_ITEM_STATE_LABELS, SECTIONS, type PostmortemContent } from "./sections";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FieldComparison {
  label: string;
  changed: boolean;
  /** "Hidden in revision 4, shown in revision 6", when visibility changed. */
  visibility: string | null;
  parts: DiffPart[];
}

export function compareContents(
  before: PostmortemContent,
  after: PostmortemContent,
  labels = { before: "the older revision", after: "the newer revision" },
): FieldComparison[] {
  const fields: FieldComparison[] = [field("Title", before.title, after.title, null)];
  for (const { key, title } of SECTIONS) {
    const old = before.sections.find((section) => section.key === key);
    const current = after.sections.find((section) => section.key === key);
    const wasHidden = old?.hidden ?? false;
    const isHidden = current?.hidden ?? false;
    const visibility =
      wasHidden === isHidden
        ? null
        : `${wasHidden ? "Hidden" : "Shown"} in ${labels.before}, ${isHidden ? "hidden" : "shown"} in ${labels.after}.`;
    fields.push(field(title, old?.body ?? "", current?.body ?? "", visibility));
  }
  fields.push(field("Action items", actionItemsText(before), actionItemsText(after), null));
  return fields;
}

function field(label: string, before: string, after: string, visibility: string | null): FieldComparison {
  return { label, changed: before !== after || visibility !== null, visibility, parts: readableParts(diffWordsWithSpace(before, after)) };
}

/**
 * A word diff alternates tiny kept and changed pieces ("~~The~~ users ~~first~~
 * had…"). Kept pieces of one short word or less between two changes are folded
 * into them, so a rewritten phrase reads as one removal followed by one addition.
 */
export function readableParts(changes: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) parts.push({ kind: "removed", text: removed });
    if (added) parts.push({ kind: "added", text: added });
    removed = added = "";
  };
  changes.forEach((change, index) => {
    if (change.added) added += change.value;
    else if (change.removed) removed += change.value;
    else if ((removed || added) && index < changes.length - 1 && /^\s*\S{0,3}\s*$/.test(change.value)) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      parts.push({ kind: "same", text: change.value });
    }
  });
  flush();
  return parts;
}

function actionItemsText(content: PostmortemContent): string {
  return content.actionItems
    .map((item) => `${item.description} — ${ACTION_ITEM_STATE_LABELS[item.state]}${item.owner ? `, ${item.owner}` : ""}`)
    .join("\n");
}
