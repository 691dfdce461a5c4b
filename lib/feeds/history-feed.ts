// The incident history as RSS 2.0 and Atom 1.0, one entry per incident or
// maintenance with its public updates. Written here rather than by a feed
// library: every value goes through one XML escape (no CDATA, which a title
// containing `]]>` can leave), titles and component names are text (Atom
// `type="text"`), and only the sanitised Markdown is HTML.
import { INCIDENT_STATUS_LABELS } from "../incidents/constants";
import type { IncidentView } from "../incidents/queries";
import { renderMarkdown } from "../markdown/render";
import type { PublicSnapshot } from "../public-snapshot/types";

const FEED_LIMIT = 50;

export type FeedSource = Pick<PublicSnapshot, "changedAt" | "incidents"> & {
  settings: Pick<PublicSnapshot["settings"], "pageName" | "effectivePublicUrl">;
};

interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  html: string;
  updated: Date;
  published: Date;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes text for XML content and attributes, dropping the characters XML
 * 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}

/** RSS 2.0 readers treat `<description>` as HTML: plain text is escaped once for HTML, then for XML. */
function textAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}

function entryHtml(incident: IncidentView): string {
  return incident.updates
    .map((update) => {
      const label = update.status ? INCIDENT_STATUS_LABELS[update.status] : "Update";
      const when = update.publishedAt.toISOString().replace("T", " ").slice(0, 16);
      return `<p><strong>${label}</strong> — ${when} UTC</p>\n${renderMarkdown(update.message)}`;
    })
    .join("\n");
}

function toEntries(source: FeedSource): FeedEntry[] {
  const base = source.settings.effectivePublicUrl;
  return source.incidents.slice(0, FEED_LIMIT).map((incident) => {
    const status = INCIDENT_STATUS_LABELS[incident.status];
    const kind = incident.kind === "maintenance" ? "Maintenance" : "Incident";
    const components = incident.components.map((component) => component.name).join(", ");
    return {
      url: `${base}/incidents/${incident.id}`,
      title: `${incident.title} (${status})`,
      summary: `${kind}: ${status}${components ? ` · ${components}` : ""}`,
      html: entryHtml(incident),
      updated: incident.updates[0]?.publishedAt ?? incident.startedAt,
      published: incident.startedAt,
    };
  });
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${escapeXml(text)}</${name}>`;

/** `scope`: one component's feed (its own title and address) rather than the whole page's. */
export function buildHistoryRss(source: FeedSource, scope?: { name: string; path: string }): string {
  const base = source.settings.effectivePublicUrl;
  const name = scope ? `${source.settings.pageName} · ${scope.name}` : source.settings.pageName;
  const items = toEntries(source).map((entry) =>
    [
      "    <item>",
      `      ${element("title", entry.title)}`,
      `      ${element("link", entry.url)}`,
      `      ${element("guid", entry.url, ' isPermaLink="false"')}`,
      `      ${element("pubDate", entry.updated.toUTCString())}`,
      `      ${element("description", textAsHtml(entry.summary))}`,
      `      ${element("content:encoded", entry.html)}`,
      "    </item>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    ${element("title", `${name}: incident history`)}`,
    `    ${element("link", `${base}/`)}`,
    `    ${element("description", textAsHtml(`Incidents and maintenance reported on ${name}.`))}`,
    `    ${element("lastBuildDate", source.changedAt.toUTCString())}`,
    `    ${element("generator", "Candor")}`,
    `    ${element("language", "en")}`,
    `    <atom:link href="${escapeXml(`${base}${scope?.path ?? "/history.rss"}`)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function buildHistoryAtom(source: FeedSource): string {
  const base = source.settings.effectivePublicUrl;
  const name = source.settings.pageName;
  const entries = toEntries(source).map((entry) =>
    [
      "  <entry>",
      `    ${element("title", entry.title, ' type="text"')}`,
      `    ${element("id", entry.url)}`,
      `    <link rel="alternate" href="${escapeXml(entry.url)}"/>`,
      `    ${element("updated", entry.updated.toISOString())}`,
      `    ${element("published", entry.published.toISOString())}`,
      `    ${element("summary", entry.summary, ' type="text"')}`,
      `    ${element("content", entry.html, ' type="html"')}`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element("id", `${base}/history`)}`,
    `  ${element("title", `${name}: incident history`, ' type="text"')}`,
    `  ${element("subtitle", `Incidents and maintenance reported on ${name}.`, ' type="text"')}`,
    `  ${element("updated", source.changedAt.toISOString())}`,
    `  ${element("generator", "Candor")}`,
    `  <link rel="alternate" href="${escapeXml(`${base}/`)}"/>`,
    `  <link rel="self" href="${escapeXml(`${base}/history.atom`)}"/>`,
    `  ${element("rights", name)}`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
