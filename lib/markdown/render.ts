// The one Markdown renderer: every operator-written text (incident updates,
// postmortems, banners, emails) goes through here. Pure; no database.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Headings inside an update must not outrank the page's own.
  transformTags: {
    h1: "h3",
    h2: "h3",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
  disallowedTagsMode: "escape",
};

/** Markdown to safe HTML: scripts, event handlers, iframes and javascript: links never survive. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, ALLOWED);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * The sanitiser writes text as HTML (`&gt;`, `&amp;`); plain text wants the
 * characters themselves. One pass, so `&amp;gt;` becomes `&gt;`, not `>`.
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Plain text of a Markdown message, for feeds, titles and text emails. */
export function markdownToText(markdown: string): string {
  // A blank line after each block keeps paragraphs apart in text emails.
  const html = (marked.parse(markdown) as string)
    .replace(/<\/(p|h[1-6]|blockquote|pre|ul|ol|table)>/g, "$&\n")
    .replace(/<br\s*\/?>\n?/g, "\n");
  return decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const INLINE: sanitizeHtml.IOptions = {
  allowedTags: ["strong", "em", "a", "code"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }) },
  disallowedTagsMode: "escape",
};

/** One line of Markdown (bold, italics, links, code) as safe HTML without a paragraph: banners. */
export function renderInlineMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parseInline(markdown) as string, INLINE);
}

/** Plain text of one line of Markdown. */
export function inlineMarkdownToText(markdown: string): string {
  return decodeEntities(sanitizeHtml(marked.parseInline(markdown) as string, { allowedTags: [], allowedAttributes: {} })).trim();
}
