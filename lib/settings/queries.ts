import { prisma, type TransactionClient } from "../db";
import { getEnv } from "../env";
import { getLogoHashes, type LogoHashes } from "./logo";

export interface PageSettings {
  pageName: string;
  publicUrl: string | null;
  /** Where the public page is served: the setting, or PUBLIC_URL. */
  effectivePublicUrl: string;
  logoUrl: string | null;
  /** The uploaded logo's hashes (served at /logo/<variant>?v=<hash>); an upload wins over logoUrl. */
  logo: LogoHashes;
  brandColor: string;
  supportEmail: string | null;
  /** The product's own website, linked from the public header. */
  websiteUrl: string | null;
  timeZone: string;
  /** A postmortem needs a second operator's approval before it is published. */
  requirePostmortemApproval: boolean;
}

const DEFAULTS = {
  pageName: "Candor status",
  publicUrl: null,
  logoUrl: null,
  brandColor: "#2563eb",
  supportEmail: null,
  websiteUrl: null,
  timeZone: "UTC",
  requirePostmortemApproval: false,
};

/** Inside a transaction, pass its client: waiting for a second pool connection while holding one can exhaust the pool. */
export async function getPageSettings(db: TransactionClient = prisma): Promise<PageSettings> {
  const row = await db.pageSettings.findUnique({ where: { id: 1 } });
  const logo = await getLogoHashes(db);
  const settings = row ?? DEFAULTS;
  return {
    pageName: settings.pageName,
    publicUrl: settings.publicUrl,
    effectivePublicUrl: settings.publicUrl ?? getEnv().PUBLIC_URL,
    logoUrl: settings.logoUrl,
    logo,
    brandColor: settings.brandColor,
    supportEmail: settings.supportEmail,
    websiteUrl: settings.websiteUrl,
    timeZone: settings.timeZone,
    requirePostmortemApproval: settings.requirePostmortemApproval,
  };
}
