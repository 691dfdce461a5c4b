// The email templates in emails/*.mjml, compiled once per campaign into HTML
// that still holds the {{variables}}; personalised per recipient afterwards.
import { readFile } from "node:fs/promises";
import path from "node:path";
import mjml2html from "mjml";
import { markdownToText, renderMarkdown } from "../markdown/render";
import type { PageSettings } from "../settings/queries";
import { escapeHtml, personalise, type RecipientValues } from "./personalise";

export const MESSAGE_KINDS = [
  "incident_notice",
  "postmortem",
  "refund_offer",
  "subscriber_confirmation",
  "subscriber_update",
  "operator_invite",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Branding {
  pageName: string;
  brandColor: string;
  publicUrl: string;
  supportEmail: string | null;
  /** The uploaded light logo's absolute URL, shown in the email header instead of the page name. */
  logoUrl?: string | null;
}

/** The branding every message carries, from the page settings. */
export function brandingOf(settings: PageSettings): Branding {
  const base = settings.effectivePublicUrl.replace(/\/+$/, "");
  return {
    pageName: settings.pageName,
    brandColor: settings.brandColor,
    publicUrl: settings.effectivePublicUrl,
    supportEmail: settings.supportEmail,
    logoUrl: settings.logo.light ? `${base}/logo/light?v=${settings.logo.light}` : null,
  };
}

export interface CompiledMessage {
  subject: string;
  html: string;
  text: string;
}

const TEMPLATE_DIR = path.join(process.cwd(), "emails");

/** Compiles one message: Markdown body into the kind's MJML with the page's branding. Throws on an MJML error. */
export async function compileMessage(
  kind: MessageKind,
  input: { subject: string; body: string; linkUrl?: string | null; buttonLabel?: string; branding: Branding },
): Promise<CompiledMessage> {
  const file = path.join(TEMPLATE_DIR, `${kind}.mjml`);
  const { branding } = input;
  const slots: Record<string, string> = {
    subject: escapeHtml(input.subject),
    preview: escapeHtml(markdownToText(input.body).slice(0, 140)),
    page_name: escapeHtml(branding.pageName),
    brand_color: /^#[0-9a-f]{6}$/i.test(branding.brandColor) ? branding.brandColor : "#2563eb",
    public_url: escapeHtml(branding.publicUrl),
    page_title: branding.logoUrl
      ? `<img src="${escapeHtml(branding.logoUrl)}" alt="${escapeHtml(branding.pageName)}" height="40" style="display:block;height:40px;width:auto;max-width:240px;border:0">`
      : escapeHtml(branding.pageName),
    support_line: branding.supportEmail
      ? `Questions: <a href="mailto:${escapeHtml(branding.supportEmail)}">${escapeHtml(branding.supportEmail)}</a>.`
      : "",
    link_url: escapeHtml(input.linkUrl ?? branding.publicUrl),
    button_label: escapeHtml(input.buttonLabel ?? "Open the status page"),
    body_html: renderMarkdown(input.body),
  };
  const source = (await withPartials(await readFile(file, "utf8"))).replace(
    /\[\[(\w+)\]\]/g,
    (whole, name: string) => slots[name] ?? whole,
  );
  const result = await mjml2html(source, { validationLevel: "strict", minify: false, keepComments: false });
  const text = [
    markdownToText(input.body),
    input.linkUrl ? `\n${input.linkUrl}` : "",
    `\n-- \n${branding.pageName}: ${branding.publicUrl}`,
    branding.supportEmail ? `Questions: ${branding.supportEmail}` : "",
    "Unsubscribe: {{unsubscribe_url}}",
  ]
    .filter(Boolean)
    .join("\n");
  return { subject: input.subject, html: result.html, text };
}

/** The shared layout pieces (emails/partials), inlined so their slots are filled with the rest. */
async function withPartials(source: string): Promise<string> {
  const includes = [...source.matchAll(/<mj-include path="\.\/partials\/([\w-]+\.mjml)" \/>/g)];
  const partials = await Promise.all(includes.map((match) => readFile(path.join(TEMPLATE_DIR, "partials", match[1]!), "utf8")));
  return includes.reduce((text, match, index) => text.replace(match[0], partials[index]!), source);
}

/** One recipient's copy. Values are escaped in HTML; the subject and text take them as typed. */
export function personaliseMessage(message: CompiledMessage, values: RecipientValues, unsubscribeUrl: string): CompiledMessage {
  return {
    subject: personalise(message.subject, values, "text").replace(/[\r\n]+/g, " "),
    html: personalise(message.html, values, "html").replaceAll("{{unsubscribe_url}}", escapeHtml(unsubscribeUrl)),
    text: personalise(message.text, values, "text").replaceAll("{{unsubscribe_url}}", unsubscribeUrl),
  };
}
