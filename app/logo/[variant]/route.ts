import type { NextRequest } from "next/server";
import { getLogoFile, logoVariantSchema } from "@/lib/settings/logo";

export const dynamic = "force-dynamic";

// Candor's server keeps this response per snapshot (lib/public-cache). Pages
// link /logo/<variant>?v=<hash>: a new logo is a new URL, so that one may be
// kept for a year; the bare path is revalidated like a page.
const LINKED_CACHE_CONTROL = "public, max-age=31536000, immutable";

export async function GET(request: NextRequest, { params }: { params: Promise<{ variant: string }> }) {
  const variant = logoVariantSchema.safeParse((await params).variant);
  const logo = variant.success ? await getLogoFile(variant.data) : null;
  if (!logo) {
    return new Response("No logo has been uploaded.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
    });
  }
  const headers: Record<string, string> = {
    "content-type": logo.contentType,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'",
  };
  if (request.nextUrl.searchParams.has("v")) headers["cache-control"] = LINKED_CACHE_CONTROL;
  return new Response(Buffer.from(logo.data), { headers });
}
