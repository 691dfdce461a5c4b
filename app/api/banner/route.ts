import { PUBLIC_CORS_HEADERS, corsPreflight } from "@/lib/public-cache/cors";
import { readPublicSnapshot } from "@/lib/public-snapshot";

export const dynamic = "force-dynamic";

// Candor's server keeps this response per snapshot (lib/public-cache) and
// adds ETag and Cache-Control; login pages everywhere poll it.
export async function GET() {
  const { snapshot } = await readPublicSnapshot();
  return Response.json({ banner: snapshot.banner }, { headers: PUBLIC_CORS_HEADERS });
}

export const OPTIONS = corsPreflight;
