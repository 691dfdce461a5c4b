import { describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { changeOperatorRole } from "@/lib/auth/change-role";
import { inviteOperator } from "@/lib/auth/invite-operator";
import { removeOperator } from "@/lib/auth/remove-operator";
import { revokeInvitation } from "@/lib/auth/revoke-invitation";
import { findOpenInvitation, listPendingInvitations } from "@/lib/auth/queries";
import { prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { PASSWORD, addOperator, createAdmin } from "../support/factories";

describe("operators", () => {
  it("creates the first admin once, with a password better-auth can verify and an audit entry", async () => {
    const admin = await createAdmin();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, include: { accounts: true } });
    expect(row.role).toBe("ADMIN");
    expect(row.accounts[0]!.providerId).toBe("credential");
    expect(await verifyPassword({ hash: row.accounts[0]!.password!, password: PASSWORD })).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "operator.created", entityId: admin.id } });
    expect(audit.actorEmail).toBe("ada@example.com");
    expect(audit.after).toMatchObject({ role: "admin", via: "setup" });

    await expect(createAdmin("second@example.com")).rejects.toThrow(ConflictError);
    expect(await prisma.user.count()).toBe(1);
  });

  it("turns an invitation into an operator with the invited role, exactly once", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const { url } = await inviteOperator(admin, { email: "rita@example.com", role: "responder" });
    const token = url.split("/invite/")[1]!;
    expect(await findOpenInvitation(token)).toMatchObject({ email: "rita@example.com", role: "responder" });
    const stored = await prisma.invitation.findFirstOrThrow({ where: { email: "rita@example.com" } });
    expect(stored.tokenHash).not.toContain(token);

    await acceptInvitation({ token, name: "Rita", password: PASSWORD, confirmPassword: PASSWORD });
    const rita = await prisma.user.findUniqueOrThrow({ where: { email: "rita@example.com" } });
    expect(rita.role).toBe("RESPONDER");
    await expect(acceptInvitation({ token, name: "Rita again", password: PASSWORD, confirmPassword: PASSWORD })).rejects.toThrow(
      NotFoundError,
    );
    expect(await prisma.user.count({ where: { email: "rita@example.com" } })).toBe(1);
  });

  it("refuses to invite an existing operator and forgets revoked invitations", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await expect(inviteOperator(admin, { email: "rita@example.com", role: "viewer" })).rejects.toThrow(ConflictError);
    const { url } = await inviteOperator(admin, { email: "vic@example.com", role: "viewer" });
    const pending = await listPendingInvitations();
    const invitation = pending.find((item) => item.email === "vic@example.com")!;
    await revokeInvitation(admin, invitation.id);
    expect(await findOpenInvitation(url.split("/invite/")[1]!)).toBeNull();
    await expect(revokeInvitation(admin, invitation.id)).rejects.toThrow(NotFoundError);
  });

  it("records role changes with before and after, and never leaves Candor without an admin", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const viewer = await addOperator(admin, "val@example.com", "viewer");
    await changeOperatorRole(admin, { operatorId: viewer.id, role: "responder" });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "operator.role_changed", entityId: viewer.id } });
    expect(entry.before).toMatchObject({ role: "viewer" });
    expect(entry.after).toMatchObject({ role: "responder" });
    expect(entry.actorId).toBe(admin.id);

    await expect(changeOperatorRole(admin, { operatorId: admin.id, role: "viewer" })).rejects.toThrow(/at least one admin/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("removes an operator with their sessions but keeps their audit trail", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const leaving = await addOperator(admin, "leo@example.com", "responder");
    await prisma.session.create({ data: { id: "s-leo", token: "t-leo", userId: leaving.id, expiresAt: new Date(Date.now() + 60_000) } });
    await removeOperator(admin, leaving.id);
    expect(await prisma.session.count({ where: { userId: leaving.id } })).toBe(0);
    const created = await prisma.auditLog.findFirstOrThrow({ where: { action: "operator.created", entityId: leaving.id } });
    expect(created.actorEmail).toBe("leo@example.com");
    await expect(removeOperator(admin, admin.id)).rejects.toThrow(/cannot remove yourself/);
  });
});
