// Finds a field the request schema does not know, however deep: zod strips
// unknown keys silently, and the API refuses them instead. Pure.

interface ObjectSchema {
  properties?: Record<string, ObjectSchema>;
  items?: ObjectSchema;
  anyOf?: ObjectSchema[];
}

/** The dotted path of the first unknown field in `value`, or null. */
export function findUnknownField(value: unknown, schema: ObjectSchema, path: string[] = []): string | null {
  if (schema.anyOf) return null; // A union's branches differ: each branch's own parse decides.
  if (Array.isArray(value)) {
    if (!schema.items) return null;
    for (const [index, item] of value.entries()) {
      const found = findUnknownField(item, schema.items, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== "object" || value === null || !schema.properties) return null;
  for (const [key, field] of Object.entries(value)) {
    const fieldSchema = schema.properties[key];
    if (!fieldSchema) return [...path, key].join(".");
    const found = findUnknownField(field, fieldSchema, [...path, key]);
    if (found) return found;
  }
  return null;
}
