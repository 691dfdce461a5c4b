import { buildHistoryRss } from "@/lib/feeds/history-feed";
import { componentFeedSource } from "@/lib/feeds/maintenance-calendar";
import { readPublicSnapshot } from "@/lib/public-snapshot";

export const dynamic = "force-dynamic";

/** One component's incidents and maintenance, for readers who follow only what they use. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { snapshot } = await readPublicSnapshot();
  const source = componentFeedSource(snapshot, id);
  if (!source)
    return new Response("No such component on this status page.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(buildHistoryRss(source, { name: source.componentName, path: `/components/${id}/history.rss` }), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
