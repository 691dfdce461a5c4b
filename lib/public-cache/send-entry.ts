// Writes a cached response: the best encoding the client accepts, or 304.
import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import type { CacheRequestHeaders } from "./request-headers";
import type { CachedResponse, Encoding } from "./response-cache";

const OFFERED: Encoding[] = ["br", "gzip", "identity"];
type PreferringNegotiator = { encodings(available: string[], options: { preferred: string[] }): string[] };
const chosen = new Map<string, Encoding>();

/** Accept-Encoding values repeat across clients: each is parsed once (a bounded memo). */
function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const header = acceptEncoding ?? "";
  let encoding = chosen.get(header);
  if (!encoding) {
    // Ties go to brotli, the smallest; the options argument is missing from @types/negotiator.
    const negotiator = new Negotiator({ headers: { "accept-encoding": header } }) as unknown as PreferringNegotiator;
    const preferred = negotiator.encodings(OFFERED, { preferred: OFFERED })[0];
    encoding = (OFFERED as string[]).includes(preferred ?? "") ? (preferred as Encoding) : "identity";
    if (chosen.size < 256) chosen.set(header, encoding);
  }
  return encoding;
}

/** Any of the entry's tags matches: the representations carry the same content. */
function matches(ifNoneMatch: string | undefined, entry: CachedResponse): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => {
    const opaque = tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    return opaque === entry.etag || opaque.startsWith(`${entry.etag}-`);
  });
}

export function sendEntry(
  request: IncomingMessage,
  response: ServerResponse,
  entry: CachedResponse,
  headers: Pick<CacheRequestHeaders, "acceptEncoding" | "ifNoneMatch">,
  extraHeaders?: Record<string, string>,
): void {
  const encoding = chooseEncoding(headers.acceptEncoding);
  const prepared = entry.prepared[encoding];
  if (entry.status === 200 && matches(headers.ifNoneMatch, entry)) {
    response.writeHead(304, extraHeaders ? { ...prepared.notModified, ...extraHeaders } : prepared.notModified).end();
    return;
  }
  response.writeHead(entry.status, extraHeaders ? { ...prepared.full, ...extraHeaders } : prepared.full);
  response.end(request.method === "HEAD" ? undefined : prepared.body);
}
