// Findings of the outside audit (issue 15) that live in the domain: stale
// invitations, and signed unsubscribe links in copies operators read.
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { inviteOperator } from "@/lib/auth/invite-operator";
import { removeOperator } from "@/lib/auth/remove-operator";
import { prisma } from "@/lib/db";
import { createAdmin, PASSWORD } from "../support/factories";

let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await createAdmin();
});

const tokenOf = (url: string) => url.split("/invite/")[1]!;
const accept = (url: string, name: string) =>
  acceptInvitation({ token: tokenOf(url), name, password: PASSWORD, confirmPassword: PASSWORD });

describe("invitations", () => {
  it("an older admin link dies when the address is invited again, accepts, and is removed", async () => {
    const asAdmin = await inviteOperator(admin, { email: "xavier@example.com", role: "admin" });
    const asViewer = await inviteOperator(admin, { email: "xavier@example.com", role: "viewer" });
    await accept(asViewer.url, "Xavier");
    const xavier = await prisma.user.findUniqueOrThrow({ where: { email: "xavier@example.com" } });
    expect(xavier.role).toBe("VIEWER");
    await removeOperator(admin, xavier.id);
    await expect(accept(asAdmin.url, "Xavier, admin now")).rejects.toThrow(/no longer valid/);
    expect(await prisma.user.findUnique({ where: { email: "xavier@example.com" } })).toBeNull();
  });

  it("accepting one link revokes the other open ones, and removing revokes any still open", async () => {
    const first = await inviteOperator(admin, { email: "yara@example.com", role: "viewer" });
    // Written directly: two links open at once, as before invitations replaced each other.
    const second = await inviteOperator(admin, { email: "yara@example.com", role: "viewer" });
    await prisma.invitation.updateMany({ where: { email: "yara@example.com" }, data: { revokedAt: null } });
    await accept(second.url, "Yara");
    await expect(accept(first.url, "Yara twice")).rejects.toThrow(/no longer valid/);

    const yara = await prisma.user.findUniqueOrThrow({ where: { email: "yara@example.com" } });
    await prisma.invitation.create({
      data: {
        email: "yara@example.com",
        role: "ADMIN",
        tokenHash: "stale-hash",
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await removeOperator(admin, yara.id);
    expect(await prisma.invitation.count({ where: { email: "yara@example.com", acceptedAt: null, revokedAt: null } })).toBe(0);
  });
});
