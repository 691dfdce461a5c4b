import type { TransactionClient } from "../db";

/**
 * Revokes every open invitation for an address but `keepId`, and returns how
 * many. Called when the address is invited again, accepts one invitation or
 * is removed, so no older link (perhaps with a higher role) outlives it.
 * Needs the caller's transaction.
 */
export async function revokeOpenInvitations(tx: TransactionClient, email: string, keepId?: string): Promise<number> {
  const { count } = await tx.invitation.updateMany({
    where: {
      email: { equals: email, mode: "insensitive" },
      acceptedAt: null,
      revokedAt: null,
      ...(keepId ? { id: { not: keepId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
