import { SelectField } from "@/components/form-controls";
import { Panel } from "@/components/page-header";
import type { ColumnMapping } from "@/lib/customers/csv-rows";

/** Step 2: which column of the file holds each field (Candor's guess first); each change checks the file again. */
export function ColumnMappingPanel({
  fields,
  headers,
  mapping,
  onChange,
}: {
  fields: { key: string; label: string }[];
  headers: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const options = [
    { value: "", label: "(not in the file)" },
    ...headers.map((header, index) => ({ value: String(index), label: `Column ${index + 1}: ${header || "(no name)"}` })),
  ];
  return (
    <Panel title="2. Check the columns">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((field) => (
          <SelectField
            key={field.key}
            name={`column-${field.key}`}
            label={field.label}
            options={options}
            value={String(mapping[field.key as keyof ColumnMapping] ?? "")}
            onChange={(event) => onChange({ ...mapping, [field.key]: event.target.value === "" ? null : Number(event.target.value) })}
          />
        ))}
      </div>
    </Panel>
  );
}
