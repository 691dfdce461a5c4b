"use client";

import Script from "next/script";
import { useEffect, useRef, useState } from "react";
import type { BannerSeverity } from "@/lib/banner/constants";
import { previewBannerAction } from "./actions";

declare global {
  interface Window {
    CandorBanner?: { render: (banner: object, into: HTMLElement) => void };
  }
}

export interface PreviewInput {
  message: string;
  severity: BannerSeverity;
  linkUrl: string;
  linkLabel: string;
  /** The banner's public incident page, when linked to one (embed.js links it as "Status page"). */
  incidentUrl: string | null;
}

/** The banner drawn by the embed script itself, so the preview is exactly what login pages show. */
export function BannerPreview({ input }: { input: PreviewInput }) {
  const host = useRef<HTMLDivElement>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [isReady, setReady] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      previewBannerAction(input.message).then(setHtml, () => setHtml(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [input.message]);

  useEffect(() => {
    if (!isReady || !host.current || !window.CandorBanner) return;
    const link = /^https?:\/\//i.test(input.linkUrl) ? { url: input.linkUrl, label: input.linkLabel || "Learn more" } : null;
    window.CandorBanner.render(
      { id: "preview", severity: input.severity, message_html: html ?? "", link, incident_url: input.incidentUrl },
      host.current,
    );
  }, [isReady, html, input.severity, input.linkUrl, input.linkLabel, input.incidentUrl]);

  return (
    <div>
      <Script src="/embed/banner.js" data-preview="true" strategy="afterInteractive" onReady={() => setReady(true)} />
      <p className="mb-1 text-sm font-medium" id="banner-preview-label">
        Preview, as your login page shows it
      </p>
      <div
        ref={host}
        aria-labelledby="banner-preview-label"
        className="min-h-12 rounded-md border border-dashed border-slate-300 dark:border-slate-700"
      />
    </div>
  );
}
