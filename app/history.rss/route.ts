import { buildHistoryRss } from "@/lib/feeds/history-feed";
import { readPublicSnapshot } from "@/lib/public-snapshot";

export const dynamic = "force-dynamic";

export async function GET() {
  const { snapshot } = await readPublicSnapshot();
  return new Response(buildHistoryRss(snapshot), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
