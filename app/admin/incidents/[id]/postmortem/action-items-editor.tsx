"use client";

import { buttonClasses } from "@/components/form-controls";
import { ACTION_ITEM_STATE_LABELS, ACTION_ITEM_STATES, type ActionItem, type ActionItemState } from "@/lib/postmortems/sections";

const inputClasses =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:bg-slate-900";

/** "Why it will not happen again" as work: what, who, and how far along. */
export function ActionItemsEditor({
  items,
  editable,
  onChange,
}: {
  items: ActionItem[];
  editable: boolean;
  onChange: (items: ActionItem[]) => void;
}) {
  const update = (id: string, change: Partial<ActionItem>) =>
    onChange(items.map((item) => (item.id === id ? { ...item, ...change } : item)));
  return (
    <div className="mt-3 space-y-2" role="group" aria-label="Action items">
      <p className="text-sm font-semibold">Action items</p>
      {items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">None yet. Each change you promise belongs here, with who does it.</p>
      )}
      <ol className="space-y-2">
        {items.map((item, index) => (
          <li key={item.id} className="grid grid-cols-[1fr_auto_auto] gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <input
              aria-label={`Action item ${index + 1}`}
              placeholder="e.g. Check the environment's configuration before a deployment goes live"
              value={item.description}
              readOnly={!editable}
              onChange={(event) => update(item.id, { description: event.target.value })}
              className={`${inputClasses} col-span-full`}
            />
            <input
              aria-label={`Owner of action item ${index + 1}`}
              placeholder="Owner (not public)"
              value={item.owner}
              readOnly={!editable}
              onChange={(event) => update(item.id, { owner: event.target.value })}
              className={`${inputClasses} min-w-0`}
            />
            <select
              aria-label={`State of action item ${index + 1}`}
              value={item.state}
              disabled={!editable}
              onChange={(event) => update(item.id, { state: event.target.value as ActionItemState })}
              className={inputClasses}
            >
              {ACTION_ITEM_STATES.map((state) => (
                <option key={state} value={state}>
                  {ACTION_ITEM_STATE_LABELS[state]}
                </option>
              ))}
            </select>
            {editable && (
              <button
                type="button"
                className={buttonClasses.secondary}
                onClick={() => onChange(items.filter((other) => other.id !== item.id))}
                aria-label={`Remove action item ${index + 1}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <button
          type="button"
          className={buttonClasses.secondary}
          onClick={() => onChange([...items, { id: newItemId(), description: "", owner: "", state: "planned" }])}
        >
          Add action item
        </button>
      )}
    </div>
  );
}

// crypto.randomUUID needs a secure context; the admin may be reached over plain http on a LAN.
function newItemId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
