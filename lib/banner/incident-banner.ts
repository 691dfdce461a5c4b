import { prisma, type TransactionClient } from "../db";
import { ValidationError } from "../errors";
import type { AuditActor } from "../audit/record-audit";
import { writeBannerVersion } from "./publish-banner";
import type { BannerSeverity } from "./constants";

/** The banner version an operator sees before an incident form changes it (the newest, unless cleared). */
export interface ShowingBanner {
  version: number;
  message: string;
  severity: BannerSeverity;
  incidentId: string | null;
  incidentTitle: string | null;
}

/** The banner showing now (or scheduled), with the title of its incident; null when cleared or never set. */
export async function findShowingBanner(tx: TransactionClient = prisma): Promise<ShowingBanner | null> {
  const row = await tx.bannerVersion.findFirst({
    orderBy: { version: "desc" },
    select: { version: true, isCleared: true, message: true, severity: true, incidentId: true, incident: { select: { title: true } } },
  });
  if (!row || row.isCleared) return null;
  return {
    version: row.version,
    message: row.message ?? "",
    severity: (row.severity?.toLowerCase() ?? "info") as BannerSeverity,
    incidentId: row.incidentId,
    incidentTitle: row.incident?.title ?? null,
  };
}

/** What an incident form asks of the banner. Versions are the ones the operator saw on the form. */
export interface IncidentBannerChoice {
  incidentId: string;
  publish?: { message: string; severity: BannerSeverity; replaceVersion?: number };
  clearVersion?: number;
}

/**
 * Publishes (linked to the incident) or clears the sign-in banner as an
 * incident form asked, in the caller's transaction. A banner that belongs
 * to something else is never replaced silently: the form must name the
 * version it replaces, and a clear names the version it clears, so a banner
 * changed meanwhile by someone else is reported instead of overwritten.
 */
export async function applyIncidentBannerChoice(tx: TransactionClient, actor: AuditActor, choice: IncidentBannerChoice): Promise<void> {
  if (!choice.publish && choice.clearVersion === undefined) return;
  const showing = await findShowingBanner(tx);
  if (choice.publish) {
    const { message, severity, replaceVersion } = choice.publish;
    if (showing && showing.incidentId !== choice.incidentId && replaceVersion !== showing.version) {
      const owner = showing.incidentTitle ? ` for “${showing.incidentTitle}”` : "";
      throw new ValidationError("Another banner is showing.", {
        replaceBanner: [
          `The sign-in banner shows “${showing.message}”${owner}. Tick “Replace that banner” to replace it, or untick the banner option.`,
        ],
      });
    }
    await writeBannerVersion(tx, actor, { kind: "publish", input: { message, severity, incidentId: choice.incidentId } });
    return;
  }
  if (!showing) return;
  if (showing.version !== choice.clearVersion) {
    throw new ValidationError("The banner changed.", {
      clearBanner: [`The banner changed since you opened this page: it now shows “${showing.message}”. Reload the page and choose again.`],
    });
  }
  await writeBannerVersion(tx, actor, { kind: "clear" });
}
