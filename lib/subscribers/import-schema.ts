import { z } from "zod";

const checkbox = z.preprocess((value) => value === "on" || value === true, z.boolean()).default(false);

export const importSubscribersSchema = z.object({
  csv: z.string().min(1, "Choose a CSV file."),
  /** The admin states that these people asked for the notices: no confirmation email. Audited. */
  hasConsent: checkbox,
  skipProblems: checkbox,
});
