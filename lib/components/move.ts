import { prisma, type TransactionClient } from "../db";
import { NotFoundError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { MoveInput } from "./schemas";

/** Swaps a component (within its group) or a group with its neighbour: reordering without typing numbers. */
export async function moveItem(actor: AuditActor, input: MoveInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const siblings =
      input.kind === "group"
        ? await tx.componentGroup.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } })
        : await siblingComponents(tx, input.id);
    const index = siblings.findIndex((item) => item.id === input.id);
    if (index === -1) throw new NotFoundError(`That ${input.kind} no longer exists.`);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= siblings.length) return;
    const order = siblings.map((item) => item.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    // Renumber all: positions may have gaps or ties from older data.
    for (const [position, id] of order.entries()) {
      if (input.kind === "group") await tx.componentGroup.update({ where: { id }, data: { position } });
      else await tx.component.update({ where: { id }, data: { position } });
    }
    await recordAudit(tx, actor, {
      action: `${input.kind === "group" ? "component_group" : "component"}.moved`,
      entityType: input.kind === "group" ? "component_group" : "component",
      entityId: input.id,
      after: { direction: input.direction },
    });
  });
}

async function siblingComponents(tx: TransactionClient, componentId: string) {
  const component = await tx.component.findUnique({ where: { id: componentId }, select: { groupId: true } });
  if (!component) return [];
  return tx.component.findMany({
    where: { groupId: component.groupId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true },
  });
}
