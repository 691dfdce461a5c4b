"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
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

/** Public pages read the database per request today; this keeps Next's router cache honest too. */
function refreshPages(incidentId?: string) {
  revalidatePath("/", "layout");
  if (incidentId) revalidatePath(`/admin/incidents/${incidentId}`);
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

export async function postUpdateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = postUpdateSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    await postIncidentUpdate(operator, parsed.data);
    refreshPages(parsed.data.incidentId);
    return { ok: true, data: undefined, message: "Update posted. It is on the status page now." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function addNoteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = addNoteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    await addInternalNote(operator, parsed.data);
    refreshPages(parsed.data.incidentId);
    return { ok: true, data: undefined, message: "Internal note added. Customers do not see it." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function editUpdateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = editUpdateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    const { incidentId } = await editIncidentUpdate(operator, parsed.data);
    refreshPages(incidentId);
    return { ok: true, data: undefined, message: "Saved; the page marks it edited." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function deleteUpdateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = updateIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:delete");
    const { incidentId } = await deleteIncidentUpdate(operator, parsed.data.updateId);
    refreshPages(incidentId);
    return { ok: true, data: undefined, message: "Deleted." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
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

export async function extendMaintenanceAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = extendMaintenanceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("incidents:write");
    await extendMaintenance(operator, parsed.data);
    refreshPages(parsed.data.incidentId);
    return { ok: true, data: undefined, message: "Window changed." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}
