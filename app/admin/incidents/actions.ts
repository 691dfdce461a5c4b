"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { runAction } from "../run-action";
import { addInternalNote } from "@/lib/incidents/add-note";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { deleteIncidentUpdate } from "@/lib/incidents/delete-update";
import { editIncidentUpdate } from "@/lib/incidents/edit-update";
import { extendMaintenance } from "@/lib/incidents/extend-maintenance";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { scheduleMaintenance } from "@/lib/incidents/schedule-maintenance";
import {
  addNoteSchema,
  componentChangesFromForm,
  declareIncidentSchema,
  editUpdateSchema,
  extendMaintenanceSchema,
  idsFromForm,
  postUpdateSchema,
  scheduleMaintenanceSchema,
  updateIdSchema,
} from "@/lib/incidents/schemas";

function fields(formData: FormData) {
  return { ...Object.fromEntries(formData), components: componentChangesFromForm(formData) };
}

export async function declareIncidentAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: declareIncidentSchema,
    formData,
    input: fields(formData),
    permission: "incidents:write",
    work: declareIncident,
    message: "Declared.",
    redirectTo: ({ id }) => `/admin/incidents/${id}?declared=1`,
  });
}

export async function postUpdateAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: postUpdateSchema,
    formData,
    input: fields(formData),
    permission: "incidents:write",
    work: postIncidentUpdate,
    message: "Update posted. It is on the status page now.",
  });
}

export async function addNoteAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: addNoteSchema,
    formData,
    permission: "incidents:write",
    work: addInternalNote,
    message: "Internal note added. Customers do not see it.",
  });
}

export async function editUpdateAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: editUpdateSchema,
    formData,
    permission: "incidents:write",
    work: editIncidentUpdate,
    message: "Saved; the page marks it edited.",
  });
}

export async function deleteUpdateAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: updateIdSchema,
    formData,
    permission: "incidents:delete",
    work: (operator, input) => deleteIncidentUpdate(operator, input.updateId),
    message: "Deleted.",
  });
}

export async function scheduleMaintenanceAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: scheduleMaintenanceSchema,
    formData,
    input: { ...Object.fromEntries(formData), componentIds: idsFromForm(formData, "componentIds") },
    permission: "incidents:write",
    work: scheduleMaintenance,
    message: "Scheduled.",
    redirectTo: ({ id }) => `/admin/incidents/${id}`,
  });
}

export async function extendMaintenanceAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: extendMaintenanceSchema,
    formData,
    permission: "incidents:write",
    work: extendMaintenance,
    message: "Window changed.",
  });
}
