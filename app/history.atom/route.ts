import { buildHistoryFeed } from "@/lib/feeds/history-feed";
import { readPublicSnapshot } from "@/lib/public-snapshot";

export const dynamic = "force-dynamic";

export async function GET() {
  const { snapshot } = await readPublicSnapshot();
  return new Response(buildHistoryFeed(snapshot).atom1(), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
