import { Markdown } from "@/components/status/markdown";
import {
  ACTION_ITEM_STATE_LABELS,
  SECTION_KEYS,
  SECTION_TITLES,
  type ActionItem,
  type PostmortemSection,
} from "@/lib/postmortems/sections";

const STATE_ICONS: Record<ActionItem["state"], string> = { planned: "○", in_progress: "◐", done: "✓" };

/**
 * A postmortem's sections as customers read them (the public page, the
 * editor's preview, print). Pass visible sections only.
 */
export function PostmortemBody({
  sections,
  actionItems,
}: {
  sections: PostmortemSection[];
  actionItems: Pick<ActionItem, "id" | "description" | "state">[];
}) {
  const items = actionItems.filter((item) => item.description.trim() !== "");
  // Action items belong under "Why it will not happen again", even when that section has no text.
  const needsPrevention = items.length > 0 && !sections.some((section) => section.key === "prevention");
  const shown = [...sections, ...(needsPrevention ? [{ key: "prevention" as const, body: "", hidden: false }] : [])];
  return (
    <div className="postmortem-body space-y-8">
      {shown
        .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key))
        .map((section) => (
          <section key={section.key} aria-labelledby={`postmortem-${section.key}`} className="postmortem-section">
            <h2 id={`postmortem-${section.key}`} className="mb-3 text-lg font-semibold">
              {SECTION_TITLES[section.key]}
            </h2>
            {section.body.trim() !== "" && <Markdown source={section.body} className="leading-relaxed" />}
            {section.key === "prevention" && items.length > 0 && (
              <ul className="mt-4 space-y-2" aria-label="Action items">
                {items.map((item) => (
                  <li
                    key={item.id}
                    className="postmortem-action-item flex gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
                  >
                    <span aria-hidden="true" className="font-mono">
                      {STATE_ICONS[item.state]}
                    </span>
                    <span className="flex-1">{item.description}</span>
                    <span className="text-sm font-medium whitespace-nowrap text-slate-600 dark:text-slate-300">
                      {ACTION_ITEM_STATE_LABELS[item.state]}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </div>
  );
}

const ORDER: string[] = SECTION_KEYS;
