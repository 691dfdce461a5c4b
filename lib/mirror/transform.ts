// Turns pages rendered for Candor's origin into static mirror pages. Pure:
// no I/O.
//
// The mirror's pages carry no JavaScript: Next's client router would ask the
// origin (or the static host, which cannot answer) for its payloads, and the
// live-updates client for its event stream. The public pages are complete
// without JavaScript (server-rendered timeline, uptime bars and times in UTC),
// so the mirror drops every script and script preload and keeps the HTML and
// CSS: nothing in it reaches for Candor at run time.
import { rewriteLink, type LinkContext } from "./layout";
import { LIVE_TIMES_NOTE, MIRROR_TIMES_NOTE } from "./times-note";

const LINK_ATTRIBUTE = /(\s(?:href|src|action|poster)=)("([^"]*)"|'([^']*)')/gi;
const SRCSET_ATTRIBUTE = /(\s(?:srcset|imagesrcset)=)"([^"]*)"/gi;
const SCRIPT = /<script\b(?![^>]*type="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD =
  /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*\/?>|<link\b[^>]*\bas="script"[^>]*\brel="(?:modulepreload|preload)"[^>]*\/?>/gi;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/gi;

const decode = (value: string) => value.replace(/&amp;/g, "&");
const encode = (value: string) => value.replace(/&/g, "&amp;");

/** Drops every script (JSON-LD data aside) and every script preload. */
export function stripScripts(html: string): string {
  return html.replace(SCRIPT, "").replace(SCRIPT_PRELOAD, "");
}

/** Root-relative URLs a page links to or loads (href, src, srcset), decoded; those to `publicUrl`'s origin too. */
export function linksOf(html: string, publicUrl: string): string[] {
  const origin = new URL(publicUrl).origin;
  const links = new Set<string>();
  for (const match of html.matchAll(LINK_ATTRIBUTE)) links.add(decode(match[3] ?? match[4] ?? ""));
  for (const match of html.matchAll(SRCSET_ATTRIBUTE)) {
    for (const candidate of decode(match[2]!).split(",")) links.add(candidate.trim().split(/\s+/)[0] ?? "");
  }
  return [...links]
    .map((link) => (link.startsWith(`${origin}/`) ? link.slice(origin.length) : link))
    .filter((link) => link.startsWith("/") && !link.startsWith("//"));
}

/** Every root-relative link of a page rewritten for the mirror (see rewriteLink). */
export function rewriteLinks(html: string, context: LinkContext): string {
  return html
    .replace(LINK_ATTRIBUTE, (_all, name: string, _quoted, double?: string, single?: string) => {
      const value = decode(double ?? single ?? "");
      return `${name}"${encode(rewriteLink(value, context))}"`;
    })
    .replace(SRCSET_ATTRIBUTE, (_all, name: string, value: string) => {
      const candidates = decode(value)
        .split(",")
        .map((candidate) => {
          const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
          return [rewriteLink(url, context), ...descriptor].join(" ");
        });
      return `${name}"${encode(candidates.join(", "))}"`;
    });
}

/** Files a stylesheet loads (fonts, images), as root-relative paths resolved against the stylesheet's own. */
export function cssAssetsOf(css: string, cssPath: string): string[] {
  const assets = new Set<string>();
  for (const match of css.matchAll(CSS_URL)) {
    const reference = match[2]!.trim();
    if (reference.startsWith("data:") || reference.startsWith("#") || /^[a-z]+:/i.test(reference) || reference.startsWith("//")) continue;
    const resolved = new URL(reference, `http://mirror.invalid${cssPath}`);
    assets.add(resolved.pathname);
  }
  return [...assets];
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** "2026-12-03 10:15 UTC" */
function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * The visible line saying this is a copy, from where and how recent, first
 * in the body. Styled inline (the page's stylesheet has no class for it), in
 * colours readable on the light and the dark page alike.
 */
export function mirrorNotice(publicUrl: string, updatedAt: Date): string {
  const url = escapeHtml(publicUrl);
  return (
    `<p data-candor-mirror="" role="note" style="margin:0;padding:.5rem 1rem;background:#fef3c7;color:#1c1917;` +
    `font:14px/1.5 system-ui,sans-serif;text-align:center">Mirror of <a href="${url}" style="color:inherit;text-decoration:underline">${url}</a>, ` +
    `updated <time datetime="${updatedAt.toISOString()}">${formatUtc(updatedAt)}</time>. ` +
    `${MIRROR_TIMES_NOTE} Subscribing and signing in need the live site.</p>`
  );
}

/** The footer's "your time zone" line made true for the mirror, whose pages show UTC (no script runs). */
export function utcTimesNote(html: string): string {
  return html.replaceAll(LIVE_TIMES_NOTE, MIRROR_TIMES_NOTE);
}

/** Puts the mirror notice first in the body (or first in the document when there is no body tag). */
export function insertNotice(html: string, notice: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return notice + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + notice + html.slice(at);
}

const LIVE_EMBED = "var MIRRORED = false;";

/**
 * The embed script (embed/banner.js) as the mirror serves it: reading
 * api/banner relative to where the script was loaded (the mirror may sit
 * under a bucket prefix) and polling, since a static host has no event
 * stream. Any other body is returned as it is.
 */
export function mirrorEmbedScript(source: string): string {
  return source.replace(LIVE_EMBED, "var MIRRORED = true;");
}
