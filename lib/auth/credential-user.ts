import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { TransactionClient } from "../db";
import { ConflictError, isUniqueViolation } from "../errors";
import { toDatabaseRole, type OperatorRole } from "./roles";

/**
 * better-auth's own hasher (scrypt), so better-auth can verify the password.
 * Call it before opening the transaction: scrypt takes tens of milliseconds of
 * CPU (far more on a busy machine), and inside a transaction that time holds
 * its locks and counts against its timeout (seen: timeouts under load).
 */
export function hashOperatorPassword(password: string): Promise<string> {
  return hashPassword(password);
}

/** Inserts an operator who signs in with email and a password hashed by hashOperatorPassword. Needs a transaction. */
export async function insertCredentialUser(
  tx: TransactionClient,
  input: { email: string; name: string; passwordHash: string; role: OperatorRole },
): Promise<{ id: string; email: string; name: string; role: OperatorRole }> {
  const id = randomUUID();
  try {
    await tx.user.create({
      data: {
        id,
        email: input.email,
        name: input.name,
        role: toDatabaseRole(input.role),
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: input.passwordHash } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An operator with the email ${input.email} already exists.`);
    throw error;
  }
  return { id, email: input.email, name: input.name, role: input.role };
}
