"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { deleteComponent } from "@/lib/components/delete-component";
import { moveItem } from "@/lib/components/move";
import { createComponent, updateComponent } from "@/lib/components/save-component";
import { createGroup, deleteGroup, renameGroup } from "@/lib/components/save-group";
import { deleteSchema, componentSchema, groupSchema, moveSchema, renameGroupSchema, setComponentStatusSchema, updateComponentSchema } from "@/lib/components/schemas";
import { setComponentStatus } from "@/lib/components/set-status";
import type { z } from "zod";

/**
 * The shape every component action shares: parse, check the role, call the
 * domain, refresh the admin and public pages.
 */
async function run<S extends z.ZodType>(schema: S, formData: FormData, work: (operator: Awaited<ReturnType<typeof requireOperator>>, input: z.infer<S>) => Promise<unknown>, message: string): Promise<ActionResult> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("components:write");
    await work(operator, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined, message };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function createComponentAction(_previous: ActionResult | null, formData: FormData) {
  return run(componentSchema, formData, createComponent, "Component added.");
}

export async function updateComponentAction(_previous: ActionResult | null, formData: FormData) {
  return run(updateComponentSchema, formData, updateComponent, "Component saved.");
}

export async function deleteComponentAction(_previous: ActionResult | null, formData: FormData) {
  return run(deleteSchema, formData, (operator, input) => deleteComponent(operator, input.id), "Component deleted.");
}

export async function setComponentStatusAction(_previous: ActionResult | null, formData: FormData) {
  return run(setComponentStatusSchema, formData, setComponentStatus, "Status changed.");
}

export async function moveAction(_previous: ActionResult | null, formData: FormData) {
  return run(moveSchema, formData, moveItem, "Moved.");
}

export async function createGroupAction(_previous: ActionResult | null, formData: FormData) {
  return run(groupSchema, formData, (operator, input) => createGroup(operator, input.name), "Group added.");
}

export async function renameGroupAction(_previous: ActionResult | null, formData: FormData) {
  return run(renameGroupSchema, formData, (operator, input) => renameGroup(operator, input.groupId, input.name), "Group renamed.");
}

export async function deleteGroupAction(_previous: ActionResult | null, formData: FormData) {
  return run(deleteSchema, formData, (operator, input) => deleteGroup(operator, input.id), "Group deleted; its components are now ungrouped.");
}
