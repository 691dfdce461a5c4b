import { z } from "zod";
import { COMPONENT_STATUSES, INCIDENT_IMPACTS } from "../components/constants";
import { BANNER_MESSAGE_MAX, BANNER_SEVERITIES, bannerSeverityForImpact } from "../banner/constants";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, MESSAGE_MAX, TITLE_MAX } from "./constants";
import { FUTURE_TIME_MESSAGE, isNotInFuture } from "./timeline-rules";

const id = z.string().min(1).max(64);
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A `datetime-local` value (or ISO string), read as UTC: the forms say so. */
export const utcTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z)?$/, "Use a date and time like 2026-11-27T01:00 (UTC).")
  .transform((value) => new Date(value.endsWith("Z") ? value : `${value}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "That is not a real date and time.");

/** Checked with the other fields, so a future time is reported together with a missing title. */
const optionalPastTime = z.preprocess(
  emptyToUndefined,
  utcTimeSchema.refine((date) => isNotInFuture(date), FUTURE_TIME_MESSAGE).optional(),
);

export const titleSchema = z
  .string()
  .trim()
  .min(1, "Enter a title that says what customers notice, e.g. “Sign-in failing for some users”.")
  .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`);

export const messageSchema = z
  .string()
  .trim()
  .min(1, "Write what customers should know, even if it is only that you are investigating.")
  .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX.toLocaleString("en")} characters.`);

export const componentChangeSchema = z.object({
  componentId: id,
  status: z.enum(COMPONENT_STATUSES, { error: "Choose a status from the list." }),
});

export const impactSchema = z.enum(INCIDENT_IMPACTS, { error: "Choose the impact: none, minor, major or critical." });

const checkbox = z.preprocess((value) => value === "on" || value === true, z.boolean()).default(false);
const bannerMessage = z.preprocess(
  emptyToUndefined,
  z.string().trim().max(BANNER_MESSAGE_MAX, `Keep the banner message to ${BANNER_MESSAGE_MAX} characters.`).optional(),
);
const bannerSeverity = z.preprocess(emptyToUndefined, z.enum(BANNER_SEVERITIES, { error: "Choose info, warning or critical." }).optional());
/** The banner version the operator saw on the form (a checkbox's value). */
const bannerVersion = z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional());

export const declareIncidentSchema = z
  .object({
    title: titleSchema,
    impact: impactSchema,
    status: z.enum(["investigating", "identified", "monitoring"], { error: "Choose investigating, identified or monitoring." }),
    message: messageSchema,
    startedAt: optionalPastTime,
    components: z.array(componentChangeSchema).max(500),
    /** Also publish the sign-in banner, linked to this incident. */
    setBanner: checkbox,
    bannerMessage,
    bannerSeverity,
    replaceBanner: bannerVersion,
    /** Email the confirmed subscribers of the affected components (the form's box is ticked by default). */
    notifySubscribers: checkbox,
    /** Also queue an email to the customers who use the affected components. */
    emailCustomers: checkbox,
  })
  .refine((input) => !input.setBanner || input.bannerMessage, {
    message: "Write the banner's message, or untick “Also set the sign-in banner”.",
    path: ["bannerMessage"],
  })
  .transform((input) => ({ ...input, bannerSeverity: input.bannerSeverity ?? bannerSeverityForImpact(input.impact) }));
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;

export const updateStatusSchema = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES], { error: "Choose a status from the list." });

export const postUpdateSchema = z
  .object({
    incidentId: id,
    status: updateStatusSchema,
    message: messageSchema,
    publishedAt: optionalPastTime,
    components: z.array(componentChangeSchema).max(500),
    /** Also publish the sign-in banner (linked to this incident) with `bannerMessage`. */
    updateBanner: checkbox,
    bannerMessage,
    bannerSeverity,
    replaceBanner: bannerVersion,
    /** On closing: clear the banner, if it is still this version. */
    clearBanner: bannerVersion,
    /** Email the confirmed subscribers of the affected components (the form's box is ticked by default). */
    notifySubscribers: checkbox,
  })
  .refine((input) => !input.updateBanner || input.bannerMessage, {
    message: "Write the banner's message, or untick “Also update the sign-in banner”.",
    path: ["bannerMessage"],
  });
export type PostUpdateInput = z.infer<typeof postUpdateSchema>;

export const addNoteSchema = z.object({ incidentId: id, message: messageSchema, publishedAt: optionalPastTime });
export type AddNoteInput = z.infer<typeof addNoteSchema>;

export const editUpdateSchema = z.object({ updateId: id, message: messageSchema });
export type EditUpdateInput = z.infer<typeof editUpdateSchema>;

export const updateIdSchema = z.object({ updateId: id });

export const scheduleMaintenanceSchema = z
  .object({
    title: titleSchema,
    message: messageSchema,
    scheduledStart: utcTimeSchema,
    scheduledEnd: utcTimeSchema,
    componentIds: z.array(id).min(1, "Choose at least one component the maintenance affects.").max(500),
  })
  .refine((input) => input.scheduledEnd > input.scheduledStart, {
    message: "The window must end after it starts.",
    path: ["scheduledEnd"],
  });
export type ScheduleMaintenanceInput = z.infer<typeof scheduleMaintenanceSchema>;

export const extendMaintenanceSchema = z.object({ incidentId: id, scheduledEnd: utcTimeSchema });
export type ExtendMaintenanceInput = z.infer<typeof extendMaintenanceSchema>;

export const templateSchema = z.object({
  name: z.string().trim().min(1, "Name the template.").max(80, "Keep the name under 80 characters."),
  title: titleSchema,
  status: z.enum(INCIDENT_STATUSES, { error: "Choose a status from the list." }),
  message: messageSchema,
});
export type TemplateInput = z.infer<typeof templateSchema>;

/** Collects `component:<id>` form fields (value: a status, or empty for “not affected”). */
export function componentChangesFromForm(formData: FormData): { componentId: string; status: string }[] {
  const changes: { componentId: string; status: string }[] = [];
  for (const [key, value] of formData) {
    if (key.startsWith("component:") && typeof value === "string" && value !== "")
      changes.push({ componentId: key.slice("component:".length), status: value });
  }
  return changes;
}

/** `componentIds` form fields (checkboxes) as a list. */
export function idsFromForm(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
}
