import { z } from "zod";
import { COMPONENT_STATUSES, INCIDENT_IMPACTS, type IncidentImpact } from "../components/constants";

const PAIR = /^([A-Za-z_][A-Za-z0-9_]{0,99})\s*=\s*(.{1,200})$/;

/** "service=api, env=prod" (commas or new lines) as a label map. */
const labelPairs = (what: string) =>
  z
    .string()
    .max(2_000)
    .transform((text, context) => {
      const pairs: Record<string, string> = {};
      for (const part of text
        .split(/[,\n]/)
        .map((entry) => entry.trim())
        .filter(Boolean)) {
        const match = PAIR.exec(part);
        if (!match) {
          context.addIssue({ code: "custom", message: `Write ${what} as name=value pairs separated by commas (“${part}” is not one).` });
          return z.NEVER;
        }
        pairs[match[1]!] = match[2]!.trim();
      }
      return pairs;
    });

export const alertRuleSchema = z.object({
  name: z.string().trim().min(1, "Name the rule, e.g. “API errors”.").max(80, "Keep the name under 80 characters."),
  matchLabels: labelPairs("labels"),
  componentIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  componentStatus: z.enum(COMPONENT_STATUSES, { error: "Choose a status from the list." }),
  severityImpacts: labelPairs("severities").refine(
    (pairs) => Object.values(pairs).every((impact) => (INCIDENT_IMPACTS as readonly string[]).includes(impact)),
    "Map each severity to none, minor, major or critical, e.g. critical=major, warning=minor.",
  ) as z.ZodType<Record<string, IncidentImpact>, string>,
  defaultImpact: z.enum(INCIDENT_IMPACTS, { error: "Choose the impact: none, minor, major or critical." }),
  isAutoPublish: z.preprocess((value) => value === "on" || value === true, z.boolean()).default(false),
});
export type AlertRuleInput = z.infer<typeof alertRuleSchema>;

export const alertRuleIdSchema = z.object({ ruleId: z.string().min(1).max(64) });
