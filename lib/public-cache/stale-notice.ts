// The stale notice put into a saved page when the front server serves it in
// place of a render (the database or Next cannot answer, or the saved
// snapshot is damaged): a saved page was rendered while all was well and
// does not say it is old by itself.
import { buildEntry, withBrotli } from "./build-entry";
import type { CachedResponse } from "./response-cache";

const BODY_OPEN = /<body[^>]*>/i;
const MAX_REMEMBERED = 64;

/**
 * The notice's HTML: the same words and look as components/status/stale-notice.tsx, without script.
 * An element React never renders: hydrating the body, React passes over an
 * element of a type it does not expect there and leaves it in place (a <div>
 * would be taken for the layout's own and the page rendered anew without it).
 */
export function staleNoticeHtml(renderedAt: number | undefined): string {
  const when =
    renderedAt === undefined
      ? "its last save"
      : (() => {
          const iso = new Date(renderedAt).toISOString();
          return `<time datetime="${iso}">${iso.slice(0, 16).replace("T", " ")} UTC</time>`;
        })();
  return (
    `<candor-stale-notice class="mx-auto block max-w-3xl px-4 pt-8">` +
    `<p role="status" class="rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">` +
    `<span aria-hidden="true">⚠ </span>This page could not be refreshed just now. It shows the status as saved at ${when}; ` +
    `it will update by itself once Candor can refresh it.</p></candor-stale-notice>`
  );
}

/** The page with the notice as the body's first child; null for anything that is not an HTML page. */
export function insertStaleNotice(html: string, renderedAt: number | undefined): string | null {
  const open = BODY_OPEN.exec(html);
  if (!open) return null;
  const at = open.index + open[0].length;
  return html.slice(0, at) + staleNoticeHtml(renderedAt) + html.slice(at);
}

/**
 * Saved responses with the notice added, each made (and compressed) once per
 * saved response; other responses come back unchanged. Public and cacheable
 * still: its own ETag, and the CDN keeps it no longer than a live page.
 */
export class StaleNotices {
  readonly #made = new Map<string, Promise<CachedResponse>>();

  async of(key: string, entry: CachedResponse): Promise<CachedResponse> {
    if (entry.status !== 200 || !entry.headers["content-type"]?.startsWith("text/html")) return entry;
    const memo = `${key}\u0000${entry.etag}`;
    let made = this.#made.get(memo);
    if (!made) {
      made = this.#make(entry);
      if (this.#made.size >= MAX_REMEMBERED) this.#made.delete(this.#made.keys().next().value!);
      this.#made.set(memo, made);
    }
    return made;
  }

  async #make(entry: CachedResponse): Promise<CachedResponse> {
    const html = insertStaleNotice(entry.bodies.identity.toString("utf8"), entry.renderedAt);
    if (html === null) return entry;
    const made = await withBrotli(
      await buildEntry({ status: 200, headers: entry.headers, body: Buffer.from(html) }, "page", entry.generation),
    );
    made.renderedAt = entry.renderedAt;
    return made;
  }
}
