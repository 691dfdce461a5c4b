// Writes a cached response: the best encoding the client accepts, or 304.
import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import type { CacheRequestHeaders } from "./request-headers";
import type { CachedResponse, Encoding } from "./response-cache";

const WITH_BROTLI: Encoding[] = ["br", "gzip", "identity"];
// An entry is served before its brotli body is made (./build-entry.ts).
const WITHOUT_BROTLI: Encoding[] = ["gzip", "identity"];
type PreferringNegotiator = { encodings(available: string[], options: { preferred: string[] }): string[] };
const chosen = new Map<Encoding[], Map<string, Encoding>>([
  [WITH_BROTLI, new Map()],
  [WITHOUT_BROTLI, new Map()],
]);

/** Accept-Encoding values repeat across clients: each is parsed once per offer (a bounded memo). */
function chooseEncoding(acceptEncoding: string | undefined, offered: Encoding[]): Encoding {
  const header = acceptEncoding ?? "";
  const memo = chosen.get(offered)!;
  let encoding = memo.get(header);
  if (!encoding) {
    // Ties go to brotli, the smallest; the options argument is missing from @types/negotiator.
    const negotiator = new Negotiator({ headers: { "accept-encoding": header } }) as unknown as PreferringNegotiator;
    const preferred = negotiator.encodings(offered, { preferred: offered })[0];
    encoding = (offered as string[]).includes(preferred ?? "") ? (preferred as Encoding) : "identity";
    if (memo.size < 256) memo.set(header, encoding);
  }
  return encoding;
}

/**
 * The client's tag that names one of the entry's representations (they carry
 * the same content), or null. A 304 carries that tag: a cache updates only
 * the response it stores under it (RFC 9111 §4.3.4), and which encoding it
 * stored may not be the one preferred now (brotli is added after gzip).
 */
function matchingTag(ifNoneMatch: string | undefined, entry: CachedResponse, preferred: string): string | null {
  if (!ifNoneMatch) return null;
  if (ifNoneMatch.trim() === "*") return preferred;
  for (const tag of ifNoneMatch.split(",")) {
    const opaque = tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    if (opaque === entry.etag || opaque === `${entry.etag}-gzip` || opaque === `${entry.etag}-br`) return `"${opaque}"`;
  }
  return null;
}

export function sendEntry(
  request: IncomingMessage,
  response: ServerResponse,
  entry: CachedResponse,
  headers: Pick<CacheRequestHeaders, "acceptEncoding" | "ifNoneMatch">,
  extraHeaders?: Record<string, string>,
): void {
  const encoding = chooseEncoding(headers.acceptEncoding, entry.prepared.br ? WITH_BROTLI : WITHOUT_BROTLI);
  const prepared = entry.prepared[encoding]!;
  const matched = entry.status === 200 ? matchingTag(headers.ifNoneMatch, entry, prepared.notModified.etag!) : null;
  if (matched) {
    const notModified = matched === prepared.notModified.etag ? prepared.notModified : { ...prepared.notModified, etag: matched };
    response.writeHead(304, extraHeaders ? { ...notModified, ...extraHeaders } : notModified).end();
    return;
  }
  response.writeHead(entry.status, extraHeaders ? { ...prepared.full, ...extraHeaders } : prepared.full);
  response.end(request.method === "HEAD" ? undefined : entry.bodies[encoding]!);
}
