import type { Prisma, TransactionClient } from "../db";

export interface AuditActor {
  id: string;
  email: string;
  /** Set when the change is made with an API token: the entry is recorded under the token's name. */
  apiToken?: { id: string; name: string };
}

export interface AuditEntry {
  /** `entity.verb`, lowercase with dots: `operator.role_changed`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The one way to record a change. Pass the transaction that makes the change,
 * so the entry exists if and only if the change does. `actor` null means
 * Candor itself (demo seeding, the clock).
 */
export async function recordAudit(tx: TransactionClient, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.apiToken ? `API token “${actor.apiToken.name}”` : (actor?.email ?? null),
      apiTokenId: actor?.apiToken?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
