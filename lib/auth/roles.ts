// Who may do what. The single table every page, action and route checks
// through requireOperator / requirePageAccess. Pure: no database import.

export const OPERATOR_ROLES = ["admin", "responder", "viewer"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const ROLE_LABELS: Record<OperatorRole, string> = {
  admin: "Admin",
  responder: "Responder",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<OperatorRole, string> = {
  admin: "Everything, including operators, roles and settings.",
  responder: "Incident work: incidents, banner, postmortems, customer messages.",
  viewer: "Reads everything, changes nothing.",
};

const EVERYONE: readonly OperatorRole[] = OPERATOR_ROLES;
const RESPONDERS: readonly OperatorRole[] = ["admin", "responder"];
const ADMINS: readonly OperatorRole[] = ["admin"];

export const PERMISSIONS = {
  "admin:read": EVERYONE,
  "audit:read": EVERYONE,
  "incidents:write": RESPONDERS,
  "incidents:delete": ADMINS,
  "components:write": RESPONDERS,
  "banner:write": RESPONDERS,
  "postmortems:write": RESPONDERS,
  "customers:write": RESPONDERS,
  "campaigns:send": RESPONDERS,
  "operators:manage": ADMINS,
  "api-tokens:manage": ADMINS,
  "alert-rules:manage": ADMINS,
  "webhooks:manage": ADMINS,
  "subscribers:manage": ADMINS,
  "settings:write": ADMINS,
  "demo:remove": ADMINS,
} as const satisfies Record<string, readonly OperatorRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: OperatorRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly OperatorRole[]).includes(role);
}

/** Prisma stores roles as its enum names (ADMIN); the app speaks lowercase. */
export function toOperatorRole(value: string): OperatorRole {
  const role = value.toLowerCase();
  if (!(OPERATOR_ROLES as readonly string[]).includes(role)) throw new Error(`Unknown operator role ${value}`);
  return role as OperatorRole;
}

export function toDatabaseRole(role: OperatorRole): "ADMIN" | "RESPONDER" | "VIEWER" {
  return role.toUpperCase() as "ADMIN" | "RESPONDER" | "VIEWER";
}
