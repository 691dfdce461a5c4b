// Complete public responses in memory, least recently used dropped first
// once their bodies (all encodings) pass the byte budget.
export type Encoding = "br" | "gzip" | "identity";

export interface CachedResponse {
  /** The snapshot generation it was rendered for; "static" never expires. */
  generation: number | "static";
  status: number;
  /** Headers common to every encoding (no length, encoding or ETag). */
  headers: Record<string, string>;
  etag: string;
  /** Brotli is added after the entry is first served (./build-entry.ts); until then it is not offered. */
  bodies: { identity: Buffer; gzip: Buffer; br?: Buffer };
  bytes: number;
  /** Ready response headers per encoding it has, for a 200/404 and for a 304: a hit only looks them up. */
  prepared: Record<"identity" | "gzip", PreparedHeaders> & { br?: PreparedHeaders };
  /** For least-recently-used eviction. */
  lastUsed: number;
  /** When Next rendered it (ms since the epoch), where known: said in the stale notice (stale-notice.ts). */
  renderedAt?: number;
}

export interface PreparedHeaders {
  full: Record<string, string>;
  notModified: Record<string, string>;
}

export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  #bytes = 0;
  #clock = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    // A counter, not a re-insertion: the hit path stays one map lookup.
    if (entry) entry.lastUsed = ++this.#clock;
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    entry.lastUsed = ++this.#clock;
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    if (this.#bytes <= this.maxBytes) return;
    const oldestFirst = [...this.#entries].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [oldest, old] of oldestFirst) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes;
    }
  }

  /** Puts `to` in the place of `from` if `from` is still the entry for `key`; false if it was replaced or dropped meanwhile. */
  swap(key: string, from: CachedResponse, to: CachedResponse): boolean {
    if (this.#entries.get(key) !== from) return false;
    this.delete(key);
    this.set(key, to);
    // Served no more recently than before: refresh-ahead's order stays the readers'.
    to.lastUsed = from.lastUsed;
    return true;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keys of entries from another generation than `generation`, most recently used first. */
  outdated(generation: number, limit: number): string[] {
    return [...this.#entries]
      .filter(([, entry]) => entry.generation !== "static" && entry.generation !== generation)
      .sort(([, a], [, b]) => b.lastUsed - a.lastUsed)
      .slice(0, limit)
      .map(([key]) => key);
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }
}
