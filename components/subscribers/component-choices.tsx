import type { ComponentGroupView } from "@/lib/public-snapshot/types";

/** Checkboxes for the page's components, grouped as on the status page. None ticked means all. */
export function ComponentChoices({ groups, checked = [] }: { groups: ComponentGroupView[]; checked?: string[] }) {
  const withComponents = groups.filter((group) => group.components.length > 0);
  if (withComponents.length === 0) return null;
  return (
    <fieldset className="space-y-3" aria-describedby="components-hint">
      <legend className="text-sm font-medium">Components (optional)</legend>
      <p id="components-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Tick the ones you use, or none to hear about everything, including components added later.
      </p>
      {withComponents.map((group) => (
        <div key={group.id ?? "ungrouped"} className="space-y-1">
          {group.name && <p className="text-sm font-semibold">{group.name}</p>}
          <ul className="grid gap-1 sm:grid-cols-2">
            {group.components.map((component) => (
              <li key={component.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="componentIds"
                    value={component.id}
                    defaultChecked={checked.includes(component.id)}
                    className="mt-1 h-4 w-4"
                  />
                  {component.name}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
