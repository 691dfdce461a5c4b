// A postmortem's shape: fixed sections in a fixed order (the questions
// customers ask after a bad day, seeds 000–002), plus action items. Pure.

export const SECTIONS = [
  { key: "summary", title: "Summary", hint: "What happened, in two or three sentences a customer can repeat." },
  { key: "impact", title: "Impact", hint: "Who was affected, how, and for how long." },
  { key: "timeline", title: "Timeline", hint: "What happened when, from the first sign to full recovery." },
  { key: "root_cause", title: "Root cause", hint: "Why it happened, without blaming a person." },
  { key: "detection", title: "Detection", hint: "How and when you found out, and why not sooner." },
  { key: "resolution", title: "Resolution and recovery", hint: "What fixed it and what was restored." },
  { key: "customer_actions", title: "What we ask you to do", hint: "Anything customers must check or redo, with exact times." },
  { key: "prevention", title: "Why it will not happen again", hint: "The changes you are making; list each as an action item below." },
  { key: "closing", title: "Closing", hint: "An apology and where to ask questions." },
] as const;

export type SectionKey = (typeof SECTIONS)[number]["key"];
export const SECTION_KEYS = SECTIONS.map((section) => section.key) as [SectionKey, ...SectionKey[]];
export const SECTION_TITLES = Object.fromEntries(SECTIONS.map((section) => [section.key, section.title])) as Record<SectionKey, string>;

export const ACTION_ITEM_STATES = ["planned", "in_progress", "done"] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];
export const ACTION_ITEM_STATE_LABELS: Record<ActionItemState, string> = { planned: "Planned", in_progress: "In progress", done: "Done" };

export interface PostmortemSection {
  key: SectionKey;
  /** Markdown. */
  body: string;
  /** Left out of the editor's preview and the published page. */
  hidden: boolean;
}

export interface ActionItem {
  id: string;
  description: string;
  /** Who does it; operators only, never on the public page. */
  owner: string;
  state: ActionItemState;
}

export interface PostmortemContent {
  title: string;
  /** Every section, in SECTIONS order. */
  sections: PostmortemSection[];
  actionItems: ActionItem[];
}

/** What a reader sees: sections neither hidden nor empty. */
export function visibleSections(content: Pick<PostmortemContent, "sections">): PostmortemSection[] {
  return content.sections.filter((section) => !section.hidden && section.body.trim() !== "");
}

/** Every section in order, whatever was stored (a section added later arrives empty). */
export function normaliseSections(stored: readonly Partial<PostmortemSection>[]): PostmortemSection[] {
  const byKey = new Map(stored.map((section) => [section.key, section]));
  return SECTION_KEYS.map((key) => {
    const section = byKey.get(key);
    return { key, body: typeof section?.body === "string" ? section.body : "", hidden: section?.hidden === true };
  });
}

export function sectionBody(content: Pick<PostmortemContent, "sections">, key: SectionKey): string {
  return content.sections.find((section) => section.key === key)?.body ?? "";
}
