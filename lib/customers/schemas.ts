import { z } from "zod";
import { CSV_MAX_BYTES, CUSTOMER_FIELD_NAMES, type ColumnMapping } from "./csv-rows";

const mappingSchema = z
  .string()
  .transform((text, context) => {
    if (text === "") return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "The column mapping is not valid JSON." });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.enum(CUSTOMER_FIELD_NAMES as [string, ...string[]]), z.number().int().min(0).max(500).nullable()).nullable())
  .transform((mapping) =>
    mapping ? (Object.fromEntries(CUSTOMER_FIELD_NAMES.map((field) => [field, mapping[field] ?? null])) as ColumnMapping) : null,
  );

export const importRequestSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file." })
    .max(CSV_MAX_BYTES + 1024, `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`),
  mapping: z.preprocess((value) => value ?? "", mappingSchema),
  skipBadRows: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
});
