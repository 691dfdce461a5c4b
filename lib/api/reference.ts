// The API reference page's rows, read from the OpenAPI document. Pure.

export interface FieldRow {
  name: string;
  type: string;
  isRequired: boolean;
  notes: string;
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  $ref?: string;
};

/** One row per field, nested objects and array items flattened as `components[].status`. */
export function describeFields(schema: Schema | undefined, prefix = ""): FieldRow[] {
  if (!schema?.properties) return [];
  const rows: FieldRow[] = [];
  for (const [name, field] of Object.entries(schema.properties)) {
    const path = `${prefix}${name}`;
    rows.push({ name: path, type: typeName(field), isRequired: schema.required?.includes(name) ?? false, notes: notes(field) });
    if (field.items?.properties) rows.push(...describeFields(field.items, `${path}[].`));
    else if (field.properties) rows.push(...describeFields(field, `${path}.`));
  }
  return rows;
}

function typeName(schema: Schema): string {
  if (schema.enum) return "enum";
  if (schema.anyOf) return schema.anyOf.map(typeName).join(" | ");
  if (schema.type === "array") return `array of ${schema.items ? typeName(schema.items) : "any"}`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

function notes(schema: Schema): string {
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description);
  if (schema.enum) parts.push(`One of: ${schema.enum.map((value) => String(value)).join(", ")}.`);
  if (schema.minLength !== undefined && schema.minLength > 0)
    parts.push(`At least ${schema.minLength} character${schema.minLength === 1 ? "" : "s"}.`);
  if (schema.maxLength !== undefined) parts.push(`At most ${schema.maxLength} characters.`);
  if (schema.maxItems !== undefined) parts.push(`At most ${schema.maxItems} items.`);
  if (schema.pattern?.startsWith("^\\d{4}")) parts.push("Date and time in UTC, e.g. 2026-11-27T01:00Z.");
  if (schema.default !== undefined) parts.push(`Default ${JSON.stringify(schema.default)}.`);
  return parts.join(" ");
}
