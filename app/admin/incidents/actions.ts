"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
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

/** Every page may show an incident: refresh them all. */
function refreshPages() {
  revalidatePath("/", "layout");
}

export async function declareIncidentAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = declareIncidentSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  let incidentId: string;
  try {
    const operator = await requireOperator("incidents:write");
    incidentId = (await declareIncident(operator, parsed.data)).id;
  } catch (error) {
    return toActionFailure(error, formData);
  }
  refreshPages();
  redirect(`/admin/incidents/${incidentId}?declared=1`);
}

export async function postUpdateAction(_previous: ActionResult | null, formData: FormData) {
  return runAction({ schema: postUpdateSchema, formData, input: fields(formData), permission: "incidents:write", work: postIncidentUpdate, message: "Update posted. It is on the status page now." });
}

export async function addNoteAction(_previous: ActionResult | null, formData: FormData) {
  return runAction({ schema: addNoteSchema, formData, permission: "incidents:write", work: addInternalNote, message: "Internal note added. Customers do not see it.", revalidate: ["/admin/incidents"] });
}

export async function editUpdateAction(_previous: ActionResult | null, formData: FormData) {
  return runAction({ schema: editUpdateSchema, formData, permission: "incidents:write", work: editIncidentUpdate, message: "Saved; the page marks it edited." });
}

export async function deleteUpdateAction(_previous: ActionResult | null, formData: FormData) {
  return runAction({ schema: updateIdSchema, formData, permission: "incidents:delete", work: (operator, input) => deleteIncidentUpdate(operator, input.updateId), message: "Deleted." });
}

export async function scheduleMaintenanceAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = scheduleMaintenanceSchema.safeParse({ ...Object.fromEntries(formData), componentIds: idsFromForm(formData, "componentIds") });
  if (!parsed.success) return invalidInput(parsed.error, formData);
  let maintenanceId: string;
  try {
    const operator = await requireOperator("incidents:write");
    maintenanceId = (await scheduleMaintenance(operator, parsed.data)).id;
  } catch (error) {
    return toActionFailure(error, formData);
  }
  refreshPages();
  redirect(`/admin/incidents/${maintenanceId}`);
}

export async function extendMaintenanceAction(_previous: ActionResult | null, formData: FormData) {
  return runAction({ schema: extendMaintenanceSchema, formData, permission: "incidents:write", work: extendMaintenance, message: "Window changed." });
}
