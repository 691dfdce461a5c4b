import { PUBLIC_CORS_HEADERS, corsPreflight } from "@/lib/public-cache/cors";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { withIncident, withLatest } from "@/lib/public-snapshot/pages";
import { answerV2, oneIncidentId } from "@/lib/statuspage-api/to-v2";

export const dynamic = "force-dynamic";

const LIST_PATHS = new Set(["incidents.json", "scheduled-maintenances.json"]);

// Statuspage-compatible public API; Candor's server caches each answer per snapshot.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const { snapshot } = await readPublicSnapshot();
  const joined = path.join("/");
  // The snapshot holds open and recent incidents: an older one, and the lists of the newest, are read on their own.
  const id = oneIncidentId(joined);
  const answer = answerV2(id ? await withIncident(snapshot, id) : LIST_PATHS.has(joined) ? await withLatest(snapshot) : snapshot, joined);
  return Response.json(answer.body, { status: answer.status, headers: PUBLIC_CORS_HEADERS });
}

export const OPTIONS = corsPreflight;
