import { prisma } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PageSettingsInput } from "./schemas";

const FIELDS = [
  "pageName",
  "publicUrl",
  "logoUrl",
  "brandColor",
  "websiteUrl",
  "supportEmail",
  "timeZone",
  "requirePostmortemApproval",
] as const;

/** Saves the page settings; the audit entry holds only the fields that changed. */
export async function updatePageSettings(actor: AuditActor, input: PageSettingsInput): Promise<void> {
  const data = {
    pageName: input.pageName,
    publicUrl: input.publicUrl ?? null,
    logoUrl: input.logoUrl ?? null,
    brandColor: input.brandColor,
    websiteUrl: input.websiteUrl ?? null,
    supportEmail: input.supportEmail ?? null,
    timeZone: input.timeZone,
    requirePostmortemApproval: input.requirePostmortemApproval,
  };
  await prisma.$transaction(async (tx) => {
    const current = await tx.pageSettings.findUnique({ where: { id: 1 } });
    const changed = FIELDS.filter((field) => (current?.[field] ?? null) !== data[field]);
    if (current && changed.length === 0) return;
    await tx.pageSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, actor, {
      action: "settings.updated",
      entityType: "settings",
      entityId: "page",
      before: Object.fromEntries(changed.map((field) => [field, current?.[field] ?? null])),
      after: Object.fromEntries(changed.map((field) => [field, data[field]])),
    });
  });
}
