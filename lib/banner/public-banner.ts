// The banner as products read it: /api/banner and the embed script.
import { getEnv } from "../env";
import { inlineMarkdownToText, renderInlineMarkdown } from "../markdown/render";
import { getPageSettings } from "../settings/queries";
import { findCurrentBanner } from "./queries";
import { isBannerVisible, type BannerVersionView } from "./visibility";

export interface PublicBanner {
  id: string;
  version: number;
  severity: "info" | "warning" | "critical";
  message_html: string;
  message_text: string;
  link: { url: string; label: string } | null;
  incident_url: string | null;
  starts_at: string | null;
  ends_at: string | null;
  updated_at: string;
}

export function toPublicBanner(version: BannerVersionView, publicUrl: string): PublicBanner {
  return {
    id: version.id,
    version: version.version,
    severity: version.severity!,
    message_html: renderInlineMarkdown(version.message!),
    message_text: inlineMarkdownToText(version.message!),
    link: version.linkUrl ? { url: version.linkUrl, label: version.linkLabel ?? "Learn more" } : null,
    incident_url: version.incidentId ? `${publicUrl}/incidents/${version.incidentId}` : null,
    starts_at: version.startsAt?.toISOString() ?? null,
    ends_at: version.endsAt?.toISOString() ?? null,
    updated_at: version.createdAt.toISOString(),
  };
}

/** How long one instance reuses what it read: a spike costs one query a second, not one per request. */
const CACHE_MS = 1_000;
let cached: { at: number; current: BannerVersionView | null; publicUrl: string } | undefined;

/** The banner showing now, or null. Scheduled banners appear and disappear by the clock. */
export async function getPublicBanner(now = new Date()): Promise<PublicBanner | null> {
  if (!cached || now.getTime() - cached.at > CACHE_MS || now.getTime() < cached.at) {
    const [current, settings] = await Promise.all([findCurrentBanner(), getPageSettings()]);
    cached = { at: now.getTime(), current, publicUrl: settings.publicUrl ?? getEnv().PUBLIC_URL };
  }
  return isBannerVisible(cached.current, now) ? toPublicBanner(cached.current, cached.publicUrl) : null;
}
