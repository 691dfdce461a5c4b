import { prisma } from "../db";
import { ConflictError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { hashOperatorPassword, insertCredentialUser } from "./credential-user";
import type { NewOperatorInput } from "./schemas";

// Any constant: serialises concurrent set-up submissions.
const SETUP_LOCK_KEY = 7_300_001;

/** Creates the first admin. Throws ConflictError once any operator exists, so /setup works once. */
export async function createFirstAdmin(input: NewOperatorInput) {
  const passwordHash = await hashOperatorPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Two set-up forms submitted at the same moment must not make two admins.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if ((await tx.user.count()) > 0) throw new ConflictError("Candor already has an admin. Sign in instead.");
    const admin = await insertCredentialUser(tx, { email: input.email, name: input.name, passwordHash, role: "admin" });
    // The public page says "not set up yet" until now: touching the settings row moves the public snapshot's version.
    await tx.$executeRaw`INSERT INTO page_settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET updated_at = now()`;
    await recordAudit(tx, admin, {
      action: "operator.created",
      entityType: "operator",
      entityId: admin.id,
      after: { email: admin.email, name: admin.name, role: admin.role, via: "setup" },
    });
    return admin;
  });
}
