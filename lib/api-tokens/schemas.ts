import { z } from "zod";

export const API_TOKEN_ROLES = ["responder", "viewer"] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what uses it, e.g. “Alertmanager”.").max(80, "Keep the name under 80 characters."),
  role: z.enum(API_TOKEN_ROLES, { error: "Choose responder or viewer." }),
  /** A date (YYYY-MM-DD, UTC); empty for a token that does not expire. */
  expiresOn: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-01-31.")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "That is not a real date.")
      .optional(),
  ),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenIdSchema = z.object({ tokenId: z.string().min(1).max(64) });
