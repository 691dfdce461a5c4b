// The last good rendering of each public response, on disk: what Candor
// serves when it can neither reach the database nor render a page, even
// right after a restart.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareEntry } from "./build-entry";
import type { CachedResponse } from "./response-cache";

interface SavedFile {
  key: string;
  status: number;
  headers: Record<string, string>;
  etag: string;
  identity: string;
  gzip: string;
  /** Absent when brotli could not be made. */
  br?: string;
  /** Absent in files saved before it was added. */
  renderedAt?: number;
}

export class SavedResponses {
  readonly #writing = new Set<Promise<void>>();
  /** The last write started per key: the next waits for it, so a key's copies land in the order they were saved. */
  readonly #lastWrite = new Map<string, Promise<void>>();

  constructor(
    readonly directory: string,
    private readonly log: (message: string) => void = (message) => console.error(`candor: ${message}`),
  ) {}

  #file(key: string): string {
    return path.join(this.directory, `${createHash("sha1").update(key).digest("hex")}.json`);
  }

  /** Saves in the background, once `entry` is ready (nothing when it comes to null); `settled()` waits for every save started so far. */
  save(key: string, entry: CachedResponse | Promise<CachedResponse | null>): Promise<void> {
    const before = this.#lastWrite.get(key) ?? Promise.resolve();
    const writing: Promise<void> = before
      .then(() => this.#write(key, entry))
      .finally(() => {
        this.#writing.delete(writing);
        if (this.#lastWrite.get(key) === writing) this.#lastWrite.delete(key);
      });
    this.#writing.add(writing);
    this.#lastWrite.set(key, writing);
    return writing;
  }

  async settled(): Promise<void> {
    await Promise.all(this.#writing);
  }

  async #write(key: string, ready: CachedResponse | Promise<CachedResponse | null>): Promise<void> {
    const entry = await ready;
    if (!entry) return;
    const file = this.#file(key);
    const saved: SavedFile = {
      key,
      status: entry.status,
      headers: entry.headers,
      etag: entry.etag,
      identity: entry.bodies.identity.toString("base64"),
      gzip: entry.bodies.gzip.toString("base64"),
      br: entry.bodies.br?.toString("base64"),
      renderedAt: entry.renderedAt,
    };
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(saved));
      await rename(`${file}.${process.pid}.tmp`, file);
    } catch (error) {
      this.log(`could not save the public response for ${key}: ${(error as Error).message}`);
    }
  }

  async load(key: string): Promise<CachedResponse | null> {
    try {
      const saved = JSON.parse(await readFile(this.#file(key), "utf8")) as SavedFile;
      if (saved.key !== key) return null;
      const bodies = {
        identity: Buffer.from(saved.identity, "base64"),
        gzip: Buffer.from(saved.gzip, "base64"),
        br: saved.br === undefined ? undefined : Buffer.from(saved.br, "base64"),
      };
      const entry = prepareEntry({ generation: -1, status: saved.status, headers: saved.headers, etag: saved.etag, bodies });
      entry.renderedAt = saved.renderedAt;
      return entry;
    } catch {
      return null;
    }
  }
}
