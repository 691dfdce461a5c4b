import { z } from "zod";

const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const httpUrl = z
  .string()
  .trim()
  .max(300, "Keep the URL under 300 characters.")
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "Enter a full http(s) URL like https://status.example.com.");

const TIME_ZONES = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);

export const pageSettingsSchema = z.object({
  pageName: z.string().trim().min(1, "Enter the page name.").max(80, "Keep the page name under 80 characters."),
  publicUrl: optionalText(httpUrl),
  logoUrl: optionalText(
    z
      .string()
      .trim()
      .max(500, "Keep the logo URL under 500 characters.")
      .refine(
        (value) => value.startsWith("/") || (/^https?:\/\//i.test(value) && URL.canParse(value)),
        "Enter an http(s) URL or a path such as /logo.svg.",
      ),
  ),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #2563eb.")
    .transform((value) => value.toLowerCase()),
  websiteUrl: optionalText(httpUrl),
  supportEmail: optionalText(z.string().trim().pipe(z.email("Enter an email address like support@example.com."))),
  timeZone: z.string().refine((value) => TIME_ZONES.has(value), "Choose a time zone from the list, e.g. Europe/London."),
  // An unticked checkbox sends nothing.
  requirePostmortemApproval: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export type PageSettingsInput = z.infer<typeof pageSettingsSchema>;

export function listTimeZones(): string[] {
  return [...TIME_ZONES];
}
