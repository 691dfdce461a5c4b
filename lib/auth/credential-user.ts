import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { TransactionClient } from "../db";
import { ConflictError, isUniqueViolation } from "../errors";
import { toDatabaseRole, type OperatorRole } from "./roles";

/**
 * Inserts an operator who signs in with email and password, hashed by
 * better-auth's own hasher so better-auth can verify it. Needs a transaction.
 */
export async function insertCredentialUser(
  tx: TransactionClient,
  input: { email: string; name: string; password: string; role: OperatorRole },
): Promise<{ id: string; email: string; name: string; role: OperatorRole }> {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await tx.user.create({
      data: {
        id,
        email: input.email,
        name: input.name,
        role: toDatabaseRole(input.role),
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An operator with the email ${input.email} already exists.`);
    throw error;
  }
  return { id, email: input.email, name: input.name, role: input.role };
}
