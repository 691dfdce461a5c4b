import { z } from "zod";
import { ACTION_ITEM_STATES, SECTION_KEYS, SECTION_TITLES } from "./sections";

export const TITLE_MAX = 200;
export const SECTION_MAX = 20_000;
export const ACTION_ITEMS_MAX = 50;

const incidentId = z.string().trim().min(1, "Choose an incident.").max(64, "That incident id is too long.");
const revisionNumber = (label: string) =>
  z.coerce
    .number({ error: `${label}: enter a revision number such as 3.` })
    .int(`${label} is a whole number.`)
    .min(1, `${label} starts at 1.`)
    .max(1_000_000, `${label} is too large.`);

const sectionSchema = z.object({
  key: z.enum(SECTION_KEYS, { error: "Unknown section." }),
  body: z.string().max(SECTION_MAX, `Keep each section under ${SECTION_MAX.toLocaleString("en")} characters.`),
  hidden: z.boolean(),
});

const actionItemSchema = z.object({
  id: z.string().trim().min(1).max(64),
  description: z
    .string()
    .trim()
    .min(1, "Describe each action item, or remove the empty one.")
    .max(500, "Keep an action item under 500 characters."),
  owner: z.string().trim().max(120, "Keep the owner under 120 characters."),
  state: z.enum(ACTION_ITEM_STATES, { error: "Choose planned, in progress or done." }),
});

export const postmortemContentSchema = z
  .object({
    title: z.string().trim().min(1, "Give the postmortem a title.").max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
    sections: z.array(sectionSchema).length(SECTION_KEYS.length, "Every section must be sent, even empty ones."),
    actionItems: z.array(actionItemSchema).max(ACTION_ITEMS_MAX, `At most ${ACTION_ITEMS_MAX} action items.`),
  })
  .superRefine((content, context) => {
    content.sections.forEach((section, index) => {
      if (section.key !== SECTION_KEYS[index])
        context.addIssue({
          code: "custom",
          path: ["sections", index],
          message: `Sections must come in order: expected ${SECTION_TITLES[SECTION_KEYS[index]!]}.`,
        });
    });
  });

/** The editor sends its content as one JSON field. */
const contentField = z
  .string({ error: "The postmortem's content is missing." })
  .max(SECTION_MAX * SECTION_KEYS.length + 100_000, "This postmortem is too long to save.")
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "The postmortem's content is not valid JSON." });
      return z.NEVER;
    }
  })
  .pipe(postmortemContentSchema);

export const startPostmortemSchema = z.object({ incidentId });

export const savePostmortemSchema = z.object({
  incidentId,
  /** The revision the editor started from: saving over a newer one is a conflict. */
  baseRevision: revisionNumber("Base revision"),
  content: contentField,
});

export const restoreRevisionSchema = z.object({
  incidentId,
  baseRevision: revisionNumber("Base revision"),
  revision: revisionNumber("Revision"),
});

export const revisionRequestSchema = z.object({ incidentId, revision: revisionNumber("Revision") });

export const POSTMORTEM_ACTIONS = ["submit", "approve", "return_to_draft", "publish", "unpublish", "reopen"] as const;
export type PostmortemAction = (typeof POSTMORTEM_ACTIONS)[number];

export const postmortemActionSchema = z.object({
  incidentId,
  action: z.enum(POSTMORTEM_ACTIONS, { error: "Unknown postmortem action." }),
  /** The revision the operator was looking at: approving or publishing applies to that text only. */
  revision: revisionNumber("Revision"),
  confirmInternalNotes: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export const compareQuerySchema = z.object({
  from: revisionNumber("From revision"),
  to: revisionNumber("To revision"),
});

export type SavePostmortemInput = z.infer<typeof savePostmortemSchema>;
export type RestoreRevisionInput = z.infer<typeof restoreRevisionSchema>;
export type PostmortemActionInput = z.infer<typeof postmortemActionSchema>;
