import { prisma, type TransactionClient } from "../db";
import { ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { BannerInput } from "./schemas";

// Any constant: serialises version numbering.
const BANNER_LOCK_KEY = 7_300_003;

export type BannerChange = { kind: "publish"; input: BannerInput } | { kind: "clear" };

/**
 * Writes the next banner version: a publish or amendment, or a clear. The
 * newest version is the current banner; nothing is ever overwritten, so the
 * history keeps every wording. Needs a transaction (or use publishBanner).
 */
export async function writeBannerVersion(
  tx: TransactionClient,
  actor: AuditActor,
  change: BannerChange,
): Promise<{ id: string; version: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BANNER_LOCK_KEY})`;
  const previous = await tx.bannerVersion.findFirst({ orderBy: { version: "desc" } });
  if (change.kind === "clear" && (!previous || previous.isCleared)) {
    throw new ValidationError("There is no banner to clear.", { form: ["There is no banner showing. Publish one first."] });
  }
  if (change.kind === "publish" && change.input.incidentId) {
    const incident = await tx.incident.findUnique({ where: { id: change.input.incidentId }, select: { id: true } });
    if (!incident)
      throw new ValidationError("That incident does not exist.", {
        incidentId: ["That incident does not exist. Choose one from the list."],
      });
  }
  const data =
    change.kind === "clear"
      ? { isCleared: true }
      : {
          message: change.input.message,
          severity: change.input.severity.toUpperCase() as "INFO" | "WARNING" | "CRITICAL",
          linkUrl: change.input.linkUrl ?? null,
          linkLabel: change.input.linkUrl ? (change.input.linkLabel ?? null) : null,
          startsAt: change.input.startsAt ?? null,
          endsAt: change.input.endsAt ?? null,
          incidentId: change.input.incidentId ?? null,
        };
  const created = await tx.bannerVersion.create({ data: { ...data, version: (previous?.version ?? 0) + 1, authorId: actor.id } });
  await recordAudit(tx, actor, {
    action: change.kind === "clear" ? "banner.cleared" : previous && !previous.isCleared ? "banner.amended" : "banner.published",
    entityType: "banner",
    entityId: created.id,
    before: previous && !previous.isCleared ? snapshot(previous) : null,
    after: change.kind === "clear" ? null : snapshot(created),
  });
  return { id: created.id, version: created.version };
}

function snapshot(version: {
  version: number;
  message: string | null;
  severity: string | null;
  linkUrl: string | null;
  linkLabel: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  incidentId: string | null;
}) {
  const { message, linkUrl, linkLabel, startsAt, endsAt, incidentId } = version;
  return {
    version: version.version,
    message,
    severity: version.severity?.toLowerCase() ?? null,
    linkUrl,
    linkLabel,
    startsAt,
    endsAt,
    incidentId,
  };
}

export async function publishBanner(actor: AuditActor, change: BannerChange): Promise<{ id: string; version: number }> {
  return prisma.$transaction((tx) => writeBannerVersion(tx, actor, change));
}

/** Publishes an old version's content again, as a new version. */
export async function republishBannerVersion(actor: AuditActor, versionId: string): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const old = await tx.bannerVersion.findUnique({ where: { id: versionId } });
    if (!old || old.isCleared || !old.message || !old.severity) {
      throw new ValidationError("That version cannot be published again.", { form: ["Choose a version that showed a message."] });
    }
    const input: BannerInput = {
      message: old.message,
      severity: old.severity.toLowerCase() as BannerInput["severity"],
      linkUrl: old.linkUrl ?? undefined,
      linkLabel: old.linkLabel ?? undefined,
      // A past schedule would hide it at once: republish without one.
      startsAt: old.startsAt && old.startsAt > new Date() ? old.startsAt : undefined,
      endsAt: old.endsAt && old.endsAt > new Date() ? old.endsAt : undefined,
      incidentId: old.incidentId ?? undefined,
    };
    return writeBannerVersion(tx, actor, { kind: "publish", input });
  });
}
