import { z } from "zod";
import { TEMPLATE_VARIABLES, unknownVariables } from "../email/personalise";
import { audienceSchema } from "./audience";
import { variablesInAttributes } from "./variables-in-attributes";

export const CAMPAIGN_KINDS = ["incident_notice", "postmortem"] as const;

const known = Object.keys(TEMPLATE_VARIABLES)
  .map((name) => `{{${name}}}`)
  .join(", ");

export const campaignDraftSchema = z
  .object({
    kind: z.enum(CAMPAIGN_KINDS, { error: "Choose incident notice or postmortem." }),
    subject: z.string().trim().min(1, "Write a subject.").max(200, "Keep the subject under 200 characters."),
    body: z.string().trim().min(1, "Write the message.").max(50_000, "Keep the message under 50,000 characters."),
    incidentId: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
    audience: audienceSchema,
  })
  .superRefine((draft, context) => {
    const inLinks = variablesInAttributes(draft.body);
    if (inLinks.length) {
      context.addIssue({
        code: "custom",
        path: ["body"],
        message: `${inLinks.map((name) => `{{${name}}}`).join(", ")} cannot go inside a link's address: a customer's value would become the link. Put it in the link's text instead.`,
      });
    }
    for (const field of ["subject", "body"] as const) {
      const unknown = unknownVariables(draft[field]);
      if (unknown.length) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: `Unknown ${unknown.length === 1 ? "variable" : "variables"} ${unknown.map((name) => `{{${name}}}`).join(", ")}: use ${known}.`,
        });
      }
    }
  });

export type CampaignDraftInput = z.infer<typeof campaignDraftSchema>;

export const campaignIdSchema = z.object({ campaignId: z.string().trim().min(1).max(64) });
