import { prisma, type TransactionClient } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { rebuildComponentHistory } from "./rebuild-history";
import type { ComponentInput, UpdateComponentInput } from "./schemas";

async function assertGroupExists(tx: TransactionClient, groupId: string | undefined): Promise<void> {
  if (groupId && !(await tx.componentGroup.findUnique({ where: { id: groupId }, select: { id: true } }))) {
    throw new NotFoundError("That group no longer exists. Reload the page and choose another.");
  }
}

/** Adds a component at the end of its group, operational from now. */
export async function createComponent(actor: AuditActor, input: ComponentInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await assertGroupExists(tx, input.groupId);
    const last = await tx.component.findFirst({
      where: { groupId: input.groupId ?? null },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const component = await tx.component.create({
      data: {
        name: input.name,
        description: input.description ?? null,
        groupId: input.groupId ?? null,
        isVisible: input.isVisible,
        position: (last?.position ?? -1) + 1,
      },
    });
    await rebuildComponentHistory(tx, component.id, { at: component.createdAt, status: "operational" });
    await recordAudit(tx, actor, { action: "component.created", entityType: "component", entityId: component.id, after: input });
    return { id: component.id };
  });
}

export async function updateComponent(actor: AuditActor, input: UpdateComponentInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.component.findUnique({ where: { id: input.componentId } });
    if (!current) throw new NotFoundError("That component no longer exists.");
    await assertGroupExists(tx, input.groupId);
    const data = { name: input.name, description: input.description ?? null, groupId: input.groupId ?? null, isVisible: input.isVisible };
    const movesGroup = data.groupId !== current.groupId;
    const last = movesGroup
      ? await tx.component.findFirst({ where: { groupId: data.groupId }, orderBy: { position: "desc" }, select: { position: true } })
      : null;
    await tx.component.update({
      where: { id: current.id },
      data: { ...data, ...(movesGroup ? { position: (last?.position ?? -1) + 1 } : {}) },
    });
    await recordAudit(tx, actor, {
      action: "component.updated",
      entityType: "component",
      entityId: current.id,
      before: { name: current.name, description: current.description, groupId: current.groupId, isVisible: current.isVisible },
      after: data,
    });
  });
}
