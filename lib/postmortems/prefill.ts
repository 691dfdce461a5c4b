// The first revision of a postmortem, written from the incident's record.
// Pure: the caller passes the incident (its public updates; internal notes
// are never read here) and the page's time zone.
import type { IncidentImpact } from "../components/constants";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, type IncidentStatus } from "../incidents/constants";
import { formatDuration } from "../incidents/format-duration";
import { markdownToText } from "../markdown/render";
import { formatInZone } from "./format-time";
import { SECTION_KEYS, visibleSections, type PostmortemContent, type SectionKey } from "./sections";

export interface IncidentRecord {
  title: string;
  impact: IncidentImpact;
  startedAt: Date;
  resolvedAt: Date | null;
  components: { name: string }[];
  updates: { status: IncidentStatus | null; message: string; isInternal: boolean; publishedAt: Date; createdAt: Date }[];
}

/** Marks a line imported from an internal note, so nobody publishes one without seeing it. */
export const INTERNAL_NOTE_MARK = "(internal note)";

export function draftFromIncident(incident: IncidentRecord, timeZone: string): PostmortemContent {
  const prefilled: Partial<Record<SectionKey, string>> = {
    impact: impactText(incident, timeZone),
    timeline: timelineText(incident, timeZone),
  };
  return {
    title: `Postmortem: ${incident.title}`,
    sections: SECTION_KEYS.map((key) => ({ key, body: prefilled[key] ?? "", hidden: false })),
    actionItems: [],
  };
}

function impactText(incident: IncidentRecord, timeZone: string): string {
  const { startedAt, resolvedAt } = incident;
  const window = resolvedAt
    ? `From **${formatInZone(startedAt, "UTC")}** to **${formatInZone(resolvedAt, "UTC")}** (${formatDuration(resolvedAt.getTime() - startedAt.getTime())}).`
    : `From **${formatInZone(startedAt, "UTC")}**; not resolved when this draft was written.`;
  const lines = [window];
  if (timeZone !== "UTC") {
    const local = resolvedAt
      ? `${formatInZone(startedAt, timeZone)} to ${formatInZone(resolvedAt, timeZone)}`
      : `from ${formatInZone(startedAt, timeZone)}`;
    lines.push(`In ${timeZone} time: ${local}.`);
  }
  const names = incident.components.map((component) => component.name);
  lines.push(names.length ? `Affected: ${names.join(", ")}.` : "No specific component was marked as affected.");
  lines.push(`Impact: ${IMPACT_LABELS[incident.impact].toLowerCase()}.`);
  return lines.join("\n\n");
}

function timelineText(incident: IncidentRecord, timeZone: string): string {
  return inTimeOrder(incident.updates.filter((update) => !update.isInternal))
    .map((update) =>
      timelineLine(
        update.publishedAt,
        timeZone,
        `${update.status ? `${INCIDENT_STATUS_LABELS[update.status]}: ` : ""}${oneLine(update.message)}`,
      ),
    )
    .join("\n");
}

/** The line an internal note becomes when an operator chooses to import it. */
export function internalNoteLine(note: { message: string; publishedAt: Date }, timeZone: string): string {
  return timelineLine(note.publishedAt, timeZone, `${INTERNAL_NOTE_MARK} ${oneLine(note.message)}`);
}

/** How many imported internal-note lines a text still carries. */
export function countInternalNoteMarks(text: string): number {
  return text.split(INTERNAL_NOTE_MARK).length - 1;
}

/** Imported internal-note lines in what customers would read (hidden sections are not published). */
export function countImportedNoteLines(content: Pick<PostmortemContent, "sections">): number {
  return visibleSections(content).reduce((count, section) => count + countInternalNoteMarks(section.body), 0);
}

function timelineLine(at: Date, timeZone: string, text: string): string {
  return `- **${formatInZone(at, timeZone)}** — ${text}`;
}

function inTimeOrder<T extends { publishedAt: Date; createdAt: Date }>(updates: T[]): T[] {
  return [...updates].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
}

function oneLine(markdown: string): string {
  return markdownToText(markdown).replace(/\s+/g, " ").trim();
}
