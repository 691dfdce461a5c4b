import { z } from "zod";
import { utcTimeSchema } from "../incidents/schemas";
import { BANNER_MESSAGE_MAX, BANNER_SEVERITIES } from "./constants";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const bannerSchema = z
  .object({
    message: z
      .string()
      .trim()
      .min(1, "Write the message your product's sign-in page should show.")
      .max(BANNER_MESSAGE_MAX, `Keep the message to ${BANNER_MESSAGE_MAX} characters; link to the status page for the rest.`),
    severity: z.enum(BANNER_SEVERITIES, { error: "Choose info, warning or critical." }),
    linkUrl: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(500, "Keep the link under 500 characters.")
        .refine(
          (value) => /^https?:\/\//i.test(value) && URL.canParse(value),
          "Use a full http(s) link like https://status.example.com/incidents/…",
        )
        .optional(),
    ),
    linkLabel: z.preprocess(emptyToUndefined, z.string().trim().max(80, "Keep the link text under 80 characters.").optional()),
    startsAt: z.preprocess(emptyToUndefined, utcTimeSchema.optional()),
    endsAt: z.preprocess(emptyToUndefined, utcTimeSchema.optional()),
    incidentId: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
  })
  .refine((input) => !input.startsAt || !input.endsAt || input.endsAt > input.startsAt, {
    message: "The banner must end after it starts.",
    path: ["endsAt"],
  })
  .refine((input) => !input.linkLabel || input.linkUrl, { message: "Add the link itself, or remove the link text.", path: ["linkUrl"] });
export type BannerInput = z.infer<typeof bannerSchema>;

export const bannerVersionIdSchema = z.object({ versionId: z.string().min(1).max(64) });
