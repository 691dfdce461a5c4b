import { createHash } from "node:crypto";
import { prisma } from "../db";
import { toOperatorRole, type OperatorRole } from "./roles";

export async function hasAnyOperator(): Promise<boolean> {
  return (await prisma.user.count()) > 0;
}

export interface OperatorListItem {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  createdAt: Date;
  lastSeenAt: Date | null;
}

export async function listOperators(): Promise<OperatorListItem[]> {
  const users = await prisma.user.findMany({
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      sessions: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: toOperatorRole(user.role),
    createdAt: user.createdAt,
    lastSeenAt: user.sessions[0]?.updatedAt ?? null,
  }));
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: OperatorRole;
  expiresAt: Date;
  invitedBy: string;
}

export async function listPendingInvitations(now = new Date()): Promise<PendingInvitation[]> {
  const rows = await prisma.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { email: true } } },
  });
  return rows.map((row) => ({ ...row, role: toOperatorRole(row.role), invitedBy: row.invitedBy.email }));
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An invitation that can still be accepted, or null (unknown, used, revoked or expired). */
export async function findOpenInvitation(token: string, now = new Date()) {
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  return { id: invitation.id, email: invitation.email, role: toOperatorRole(invitation.role) };
}
