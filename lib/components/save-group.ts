import { prisma } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export async function createGroup(actor: AuditActor, name: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.componentGroup.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    const group = await tx.componentGroup.create({ data: { name, position: (last?.position ?? -1) + 1 } });
    await recordAudit(tx, actor, { action: "component_group.created", entityType: "component_group", entityId: group.id, after: { name } });
    return { id: group.id };
  });
}

export async function renameGroup(actor: AuditActor, groupId: string, name: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const group = await tx.componentGroup.findUnique({ where: { id: groupId } });
    if (!group) throw new NotFoundError("That group no longer exists.");
    await tx.componentGroup.update({ where: { id: groupId }, data: { name } });
    await recordAudit(tx, actor, {
      action: "component_group.renamed",
      entityType: "component_group",
      entityId: groupId,
      before: { name: group.name },
      after: { name },
    });
  });
}

/** Deletes a group; its components stay, ungrouped. */
export async function deleteGroup(actor: AuditActor, groupId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const group = await tx.componentGroup.findUnique({ where: { id: groupId } });
    if (!group) throw new NotFoundError("That group no longer exists.");
    await tx.componentGroup.delete({ where: { id: groupId } });
    await recordAudit(tx, actor, {
      action: "component_group.deleted",
      entityType: "component_group",
      entityId: groupId,
      before: { name: group.name },
    });
  });
}
