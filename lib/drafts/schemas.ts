import { z } from "zod";
import { componentChangeSchema, impactSchema, messageSchema, postUpdateFields, titleSchema } from "../incidents/schemas";

/** A proposed new incident (MCP, alerts): the declare form's fields without its publishing options. */
export const draftIncidentSchema = z.object({
  title: titleSchema,
  impact: impactSchema,
  status: z.enum(["investigating", "identified", "monitoring"], { error: "Choose investigating, identified or monitoring." }),
  message: messageSchema,
  components: z.array(componentChangeSchema).max(500).default([]),
});
export type DraftIncidentInput = z.infer<typeof draftIncidentSchema>;

/** A proposed update to an open incident: the update form's fields, published at the time a person publishes it. */
export const draftUpdateSchema = postUpdateFields.omit({ publishedAt: true }).extend({
  components: z.array(componentChangeSchema).max(500).default([]),
});
export type DraftUpdateInput = z.infer<typeof draftUpdateSchema>;

export const publishDraftSchema = z
  .object({
    draftId: z.string().min(1).max(64),
    setBanner: z.preprocess((value) => value === "on" || value === true, z.boolean()).default(false),
    bannerMessage: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z.string().trim().max(500, "Keep the banner message to 500 characters.").optional(),
    ),
  })
  .refine((input) => !input.setBanner || input.bannerMessage, {
    message: "Write the banner's message, or untick “Also set the sign-in banner”.",
    path: ["bannerMessage"],
  });
export type PublishDraftInput = z.infer<typeof publishDraftSchema>;

export const draftIdSchema = z.object({ draftId: z.string().min(1).max(64) });
