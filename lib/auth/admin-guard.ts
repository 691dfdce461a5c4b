import type { TransactionClient } from "../db";
import { ConflictError } from "../errors";

// Any constant: serialises changes that could remove the last admin.
const ADMINS_LOCK_KEY = 7_300_002;

/** Throws unless another admin would remain after `operatorId` stops being one. Needs a transaction. */
export async function assertAnotherAdminRemains(tx: TransactionClient, operatorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK_KEY})`;
  const otherAdmins = await tx.user.count({ where: { role: "ADMIN", id: { not: operatorId } } });
  if (otherAdmins === 0) {
    throw new ConflictError("Candor needs at least one admin. Make someone else an admin first.");
  }
}
