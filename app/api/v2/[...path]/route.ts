import { PUBLIC_CORS_HEADERS, corsPreflight } from "@/lib/public-cache/cors";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { answerV2 } from "@/lib/statuspage-api/to-v2";

export const dynamic = "force-dynamic";

// Statuspage-compatible public API; Candor's server caches each answer per snapshot.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const { snapshot } = await readPublicSnapshot();
  const answer = answerV2(snapshot, path.join("/"));
  return Response.json(answer.body, { status: answer.status, headers: PUBLIC_CORS_HEADERS });
}

export const OPTIONS = corsPreflight;
