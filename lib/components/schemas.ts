import { z } from "zod";
import { COMPONENT_STATUSES } from "./constants";

const id = z.string().min(1).max(64);
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), id.optional());

export const componentStatusSchema = z.enum(COMPONENT_STATUSES, { error: "Choose a status from the list." });

export const componentSchema = z.object({
  name: z.string().trim().min(1, "Enter the component's name.").max(120, "Keep the name under 120 characters."),
  description: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().trim().max(500, "Keep the description under 500 characters.").optional(),
  ),
  groupId: optionalId,
  isVisible: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});
export type ComponentInput = z.infer<typeof componentSchema>;

export const updateComponentSchema = componentSchema.extend({ componentId: id });
export type UpdateComponentInput = z.infer<typeof updateComponentSchema>;

export const groupSchema = z.object({
  name: z.string().trim().min(1, "Enter the group's name.").max(120, "Keep the name under 120 characters."),
});

export const renameGroupSchema = groupSchema.extend({ groupId: id });

export const moveSchema = z.object({
  kind: z.enum(["component", "group"]),
  id,
  direction: z.enum(["up", "down"]),
});
export type MoveInput = z.infer<typeof moveSchema>;

export const setComponentStatusSchema = z.object({ componentId: id, status: componentStatusSchema });
export type SetComponentStatusInput = z.infer<typeof setComponentStatusSchema>;

export const deleteSchema = z.object({ id });
