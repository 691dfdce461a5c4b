import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23.")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Not a real date.");

export const auditFilterSchema = z
  .object({
    operator: z.string().max(64).optional(),
    entity: z
      .string()
      .regex(/^[a-z_]{1,40}$/, "Unknown entity type.")
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "The start date must be on or before the end date.",
    path: ["to"],
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
