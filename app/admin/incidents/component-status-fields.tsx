import { FieldError } from "@/components/form-controls";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/components/constants";

export interface ComponentChoice {
  id: string;
  name: string;
  groupName: string | null;
  current: ComponentStatus;
}

const selectClasses = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** One select per component, named `component:<id>`: empty means “not affected” / “no change”. */
export function ComponentStatusFields({
  components,
  emptyLabel,
  defaults = {},
  values,
  errors,
}: {
  components: ComponentChoice[];
  emptyLabel: string;
  defaults?: Record<string, ComponentStatus>;
  values?: Record<string, string>;
  errors?: string[];
}) {
  const groups = [...new Set(components.map((component) => component.groupName))];
  return (
    <fieldset className="space-y-3" aria-describedby={errors?.length ? "components-error" : undefined}>
      <legend className="text-sm font-medium">Affected components</legend>
      {components.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No components yet. Add them under Components.</p>
      )}
      {groups.map((group) => (
        <div key={group ?? "ungrouped"}>
          {group && <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{group}</p>}
          <div className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-2">
            {components
              .filter((component) => component.groupName === group)
              .map((component) => (
                <div
                  key={component.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700"
                >
                  <span className="min-w-0">
                    <label htmlFor={`component-${component.id}`}>{component.name}</label>
                    <span id={`component-${component.id}-now`} className="block text-xs text-slate-500 dark:text-slate-400">
                      now: {COMPONENT_STATUS_LABELS[component.current]}
                    </span>
                  </span>
                  <select
                    id={`component-${component.id}`}
                    name={`component:${component.id}`}
                    aria-describedby={`component-${component.id}-now`}
                    defaultValue={values?.[`component:${component.id}`] ?? defaults[component.id] ?? ""}
                    className={selectClasses}
                  >
                    <option value="">{emptyLabel}</option>
                    {COMPONENT_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {COMPONENT_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
          </div>
        </div>
      ))}
      <FieldError id="components-error" errors={errors} />
    </fieldset>
  );
}

/** An update's component changes: the affected ones, and the others folded away. */
export function UpdateComponentFields({
  affected,
  others,
  values,
  errors,
}: {
  affected: ComponentChoice[];
  others: ComponentChoice[];
  values?: Record<string, string>;
  errors?: string[];
}) {
  return (
    <>
      <ComponentStatusFields components={affected} emptyLabel="No change" values={values} errors={errors} />
      {others.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-400">Other components</summary>
          <div className="mt-2">
            <ComponentStatusFields components={others} emptyLabel="No change" values={values} />
          </div>
        </details>
      )}
    </>
  );
}

/** Field errors for any `components…` path, gathered for the fieldset. */
export function componentErrors(fieldErrors?: Record<string, string[]>): string[] | undefined {
  if (!fieldErrors) return undefined;
  const messages = Object.entries(fieldErrors)
    .filter(([key]) => key.startsWith("components"))
    .flatMap(([, list]) => list);
  return messages.length ? [...new Set(messages)] : undefined;
}
