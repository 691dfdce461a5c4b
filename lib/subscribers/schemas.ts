import { z } from "zod";

const componentIds = z.array(z.string().min(1).max(64)).max(500, "Choose at most 500 components.");

export const subscribeSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .pipe(z.email("Enter an email address such as you@example.com.")),
  /** Empty: every component, including those added later. */
  componentIds,
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const preferencesSchema = z.object({ componentIds });
export type PreferencesInput = z.infer<typeof preferencesSchema>;
