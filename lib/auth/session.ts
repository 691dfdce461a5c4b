import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { getAuth } from "./auth";
import { hasPermission, toOperatorRole, type OperatorRole, type Permission } from "./roles";

export interface Operator {
  id: string;
  email: string;
  name: string;
  role: OperatorRole;
}

/** The signed-in operator for this request, read once per request. */
export const getCurrentOperator = cache(async (): Promise<Operator | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, email, name, role } = session.user as typeof session.user & { role?: string };
  return { id, email, name, role: toOperatorRole(role ?? "viewer") };
});

/** For server actions and route handlers: throws UnauthenticatedError / ForbiddenError. */
export async function requireOperator(permission: Permission): Promise<Operator> {
  const operator = await getCurrentOperator();
  if (!operator) throw new UnauthenticatedError("Your session has ended. Sign in again.");
  if (!hasPermission(operator.role, permission)) {
    throw new ForbiddenError(`Your role (${operator.role}) cannot do this. Ask an admin to change your role.`);
  }
  return operator;
}

/** For pages: sends a signed-out visitor to sign-in and shows 403 to an operator without the permission. */
export async function requirePageAccess(permission: Permission): Promise<Operator> {
  const operator = await getCurrentOperator();
  if (!operator) redirect("/sign-in");
  if (!hasPermission(operator.role, permission)) forbidden();
  return operator;
}
