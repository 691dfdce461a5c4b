/** A labelled group of checkboxes sharing one name (several values may be ticked). */
export function CheckboxGroup({
  name,
  legend,
  options,
  chosen,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">None yet.</span>}
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
