"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { changeOperatorRole } from "@/lib/auth/change-role";
import { inviteOperator } from "@/lib/auth/invite-operator";
import { removeOperator } from "@/lib/auth/remove-operator";
import { revokeInvitation } from "@/lib/auth/revoke-invitation";
import { changeRoleSchema, invitationIdSchema, inviteOperatorSchema, operatorIdSchema } from "@/lib/auth/schemas";
import { requireOperator } from "@/lib/auth/session";

export async function inviteOperatorAction(_previous: ActionResult<{ url: string }> | null, formData: FormData): Promise<ActionResult<{ url: string }>> {
  const parsed = inviteOperatorSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("operators:manage");
    const invitation = await inviteOperator(operator, parsed.data);
    revalidatePath("/admin/operators");
    return { ok: true, data: { url: invitation.url }, message: `Invitation created for ${parsed.data.email}. Send them the link below; it works once, for 7 days.` };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function changeRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("operators:manage");
    await changeOperatorRole(operator, parsed.data);
    revalidatePath("/admin/operators");
    return { ok: true, data: undefined, message: "Role saved." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function removeOperatorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = operatorIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("operators:manage");
    await removeOperator(operator, parsed.data.operatorId);
    revalidatePath("/admin/operators");
    return { ok: true, data: undefined, message: "Operator removed." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function revokeInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = invitationIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("operators:manage");
    await revokeInvitation(operator, parsed.data.invitationId);
    revalidatePath("/admin/operators");
    return { ok: true, data: undefined, message: "Invitation revoked." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}
