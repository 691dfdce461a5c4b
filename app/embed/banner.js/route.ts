import { readFileSync } from "node:fs";
import path from "node:path";

// Read once: the script is part of the release, not data.
const SOURCE = readFileSync(path.join(process.cwd(), "embed", "banner.js"), "utf8");

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(SOURCE, {
    headers: {
      "Content-Type": "application/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=86400",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
