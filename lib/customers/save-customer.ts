import { z } from "zod";
import { prisma } from "../db";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { toCustomerRow, type ColumnMapping } from "./csv-rows";

/** The add/edit form speaks the same fields, and the same checks, as the CSV import. */
export const customerFormSchema = z.object({
  customerId: z.string().max(64).optional(),
  email: z.string(),
  name: z.string().optional(),
  firstName: z.string().optional(),
  company: z.string().optional(),
  externalId: z.string().optional(),
  plan: z.string().optional(),
  monthlyAmount: z.string().optional(),
  currency: z.string().optional(),
  componentIds: z.array(z.string().max(64)).default([]),
  tags: z.string().optional(),
});

export type CustomerFormInput = z.infer<typeof customerFormSchema>;

const FORM_ORDER = [
  "email",
  "name",
  "firstName",
  "company",
  "externalId",
  "plan",
  "monthlyAmount",
  "currency",
  "components",
  "tags",
] as const;
const FORM_MAPPING = Object.fromEntries(FORM_ORDER.map((field, index) => [field, index])) as ColumnMapping;

export async function saveCustomer(actor: AuditActor, input: CustomerFormInput): Promise<{ id: string }> {
  const components = await prisma.component.findMany({ where: { id: { in: input.componentIds } }, select: { id: true, name: true } });
  const record = [
    input.email,
    input.name,
    input.firstName,
    input.company,
    input.externalId,
    input.plan,
    input.monthlyAmount,
    input.currency,
    components.map((c) => c.name).join(";"),
    input.tags,
  ].map((value) => value ?? "");
  const { row, problems } = toCustomerRow(
    record,
    FORM_MAPPING,
    new Map(components.map((component) => [component.name.toLowerCase(), component.id])),
  );
  if (problems.length) throw new ValidationError(problems.join(" "));
  const data = {
    email: row.email,
    name: row.name,
    firstName: row.firstName,
    company: row.company,
    externalId: row.externalId,
    plan: row.plan,
    monthlyAmountCents: row.monthlyAmountCents,
    currency: row.currency,
    tags: row.tags ?? [],
  };
  try {
    return await prisma.$transaction(async (tx) => {
      let saved;
      if (input.customerId) {
        const existing = await tx.customer.findUnique({ where: { id: input.customerId }, select: { email: true } });
        if (!existing) throw new NotFoundError("That customer no longer exists.");
        // A bounce belongs to the old address: a new one is tried again.
        saved = await tx.customer.update({
          where: { id: input.customerId },
          data: { ...data, ...(existing.email !== data.email ? { bouncedAt: null } : {}) },
        });
      } else {
        saved = await tx.customer.create({ data });
      }
      await tx.customerComponent.deleteMany({ where: { customerId: saved.id } });
      if (row.componentIds?.length)
        await tx.customerComponent.createMany({ data: row.componentIds.map((componentId) => ({ customerId: saved.id, componentId })) });
      await recordAudit(tx, actor, {
        action: input.customerId ? "customer.updated" : "customer.created",
        entityType: "customer",
        entityId: saved.id,
        after: { email: row.email },
      });
      return { id: saved.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Another customer already has this email or account id.");
    throw error;
  }
}
