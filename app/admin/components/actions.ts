"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { deleteComponent } from "@/lib/components/delete-component";
import { moveItem } from "@/lib/components/move";
import { createComponent, updateComponent } from "@/lib/components/save-component";
import { createGroup, deleteGroup, renameGroup } from "@/lib/components/save-group";
import {
  componentSchema,
  deleteSchema,
  groupSchema,
  moveSchema,
  renameGroupSchema,
  setComponentStatusSchema,
  updateComponentSchema,
} from "@/lib/components/schemas";
import { setComponentStatus } from "@/lib/components/set-status";
import { runAction } from "../run-action";

const permission = "components:write";

export async function createComponentAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({ schema: componentSchema, formData, permission, work: createComponent, message: "Component added." });
}

export async function updateComponentAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({ schema: updateComponentSchema, formData, permission, work: updateComponent, message: "Component saved." });
}

export async function deleteComponentAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: deleteSchema,
    formData,
    permission,
    work: (operator, input) => deleteComponent(operator, input.id),
    message: "Component deleted.",
  });
}

export async function setComponentStatusAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({ schema: setComponentStatusSchema, formData, permission, work: setComponentStatus, message: "Status changed." });
}

export async function moveAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({ schema: moveSchema, formData, permission, work: moveItem, message: "Moved." });
}

export async function createGroupAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: groupSchema,
    formData,
    permission,
    work: (operator, input) => createGroup(operator, input.name),
    message: "Group added.",
  });
}

export async function renameGroupAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: renameGroupSchema,
    formData,
    permission,
    work: (operator, input) => renameGroup(operator, input.groupId, input.name),
    message: "Group renamed.",
  });
}

export async function deleteGroupAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: deleteSchema,
    formData,
    permission,
    work: (operator, input) => deleteGroup(operator, input.id),
    message: "Group deleted; its components are now ungrouped.",
  });
}
