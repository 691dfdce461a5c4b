"use server";

import { revalidatePath } from "next/cache";
import { formDataOf, invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { changeOperatorRole } from "@/lib/auth/change-role";
import { inviteOperator } from "@/lib/auth/invite-operator";
import { removeOperator } from "@/lib/auth/remove-operator";
import { revokeInvitation } from "@/lib/auth/revoke-invitation";
import { changeRoleSchema, invitationIdSchema, inviteOperatorSchema, operatorIdSchema } from "@/lib/auth/schemas";
import { requireOperator } from "@/lib/auth/session";
import { runAction } from "../run-action";

export async function inviteOperatorAction(
  _previous: ActionResult<{ url: string }> | null,
  sentFormData: unknown,
): Promise<ActionResult<{ url: string }>> {
  const formData = formDataOf(sentFormData);
  const parsed = inviteOperatorSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("operators:manage");
    const invitation = await inviteOperator(operator, parsed.data);
    revalidatePath("/admin/operators");
    return {
      ok: true,
      data: { url: invitation.url },
      message: `Invitation created for ${parsed.data.email}. Send them the link below; it works once, for 7 days.`,
    };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}

export async function changeRoleAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: changeRoleSchema,
    formData,
    permission: "operators:manage",
    work: changeOperatorRole,
    message: "Role saved.",
    revalidate: ["/admin/operators"],
  });
}

export async function removeOperatorAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: operatorIdSchema,
    formData,
    permission: "operators:manage",
    work: (operator, input) => removeOperator(operator, input.operatorId),
    message: "Operator removed.",
    revalidate: ["/admin/operators"],
  });
}

export async function revokeInvitationAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: invitationIdSchema,
    formData,
    permission: "operators:manage",
    work: (operator, input) => revokeInvitation(operator, input.invitationId),
    message: "Invitation revoked.",
    revalidate: ["/admin/operators"],
  });
}
