// Where a line goes in a postmortem's Markdown timeline. Pure; the editor runs it in the browser.
import { MONTHS } from "./format-time";

/** "- **28 Sep 2016, 08:32 BST** — …": the wall-clock time every timeline line starts with (formatInZone). */
const LINE_TIME = /^- \*\*(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}), (\d{2}):(\d{2})\b/;

/** A sortable key for a line's time, or null for a line without one (prose the operator wrote). */
function timeKey(line: string): string | null {
  const match = LINE_TIME.exec(line);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!);
  if (month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, "0")}-${match[1]!.padStart(2, "0")} ${match[4]}:${match[5]}`;
}

/**
 * Inserts `line` before the first line of the timeline that describes a
 * later time (after lines of the same minute), or at the end. The lines
 * share the page's time zone, so their wall-clock times compare directly.
 */
export function insertInTimeOrder(timeline: string, line: string): string {
  const body = timeline.trimEnd();
  if (!body) return line;
  const lines = body.split("\n");
  const key = timeKey(line);
  const at = key === null ? -1 : lines.findIndex((existing) => (timeKey(existing) ?? "") > key);
  if (at < 0) return `${body}\n${line}`;
  return [...lines.slice(0, at), line, ...lines.slice(at)].join("\n");
}
