import { createFirstAdmin } from "../../lib/auth/create-first-admin";
import { acceptInvitation } from "../../lib/auth/accept-invitation";
import { inviteOperator } from "../../lib/auth/invite-operator";
import type { OperatorRole } from "../../lib/auth/roles";
import { prisma } from "../../lib/db";

export const PASSWORD = "correct horse battery";

export async function createAdmin(email = "ada@example.com") {
  return createFirstAdmin({ name: "Ada", email, password: PASSWORD, confirmPassword: PASSWORD });
}

/** Invites and accepts in one go; returns the new operator's row. */
export async function addOperator(inviter: { id: string; email: string }, email: string, role: OperatorRole) {
  const { url } = await inviteOperator(inviter, { email, role });
  const token = url.split("/invite/")[1]!;
  await acceptInvitation({ token, name: email.split("@")[0]!, password: PASSWORD, confirmPassword: PASSWORD });
  return prisma.user.findUniqueOrThrow({ where: { email } });
}
