import { buildHistoryAtom } from "@/lib/feeds/history-feed";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { withLatest } from "@/lib/public-snapshot/pages";

export const dynamic = "force-dynamic";

export async function GET() {
  const { snapshot } = await readPublicSnapshot();
  return new Response(buildHistoryAtom(await withLatest(snapshot)), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
