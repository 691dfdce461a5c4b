// The banner as products read it (/api/banner, the embed script); the public
// snapshot decides which version shows when.
import { inlineMarkdownToText, renderInlineMarkdown } from "../markdown/render";
import type { BannerVersionView } from "./visibility";

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
