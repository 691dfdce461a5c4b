import { prisma } from "../db";
import { recordAudit } from "../audit/record-audit";

/** Marks the address as unsubscribed (once); true when it belongs to a customer. */
export async function unsubscribeCustomer(email: string, via: "link" | "one-click"): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, unsubscribedAt: true } });
    if (!customer) return false;
    if (!customer.unsubscribedAt) {
      await tx.customer.update({ where: { id: customer.id }, data: { unsubscribedAt: new Date() } });
      await recordAudit(tx, null, { action: "customer.unsubscribed", entityType: "customer", entityId: customer.id, after: { via } });
    }
    return true;
  });
}
