// Holds the current public snapshot for this process. It compares its
// version with the database when refresh() is called (server.ts calls it
// every 250 ms, and at once after a write in this process) and, in the
// background, when a read finds the last check older than a second, so
// requests never wait; it rebuilds on a change or when the clock makes it
// stale, keeps a copy on disk, and goes on serving the last good snapshot,
// marked stale, while the database cannot be reached.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SnapshotVersion } from "./build-snapshot";
import { digestOf } from "./digest";
import { parseSnapshot, serializeSnapshot } from "./serialize";
import type { PublicRead, PublicSnapshot } from "./types";

export interface SnapshotSource {
  readVersion(): Promise<SnapshotVersion>;
  build(version: SnapshotVersion, now: Date): Promise<PublicSnapshot>;
  /** Every incident id the public can open (kept beside the snapshot, not in it: it grows with history). */
  listIncidentIds?(): Promise<string[]>;
}

export interface SnapshotStoreOptions {
  source: SnapshotSource;
  /** Where the last good snapshot is kept for a start or an outage without the database. */
  file?: string;
  /** How long a checked version is trusted before a read checks again. */
  checkIntervalMs?: number;
  /** A version check with no answer within this counts as the database unreachable (a hung server accepts and says nothing). */
  checkTimeoutMs?: number;
  clock?: () => Date;
  log?: (message: string) => void;
}

/** One line: pg's connection errors can carry an empty message and only a code. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return error.message.split("\n")[0] || code || error.name;
}

/** Equal in everything a page, the API or a feed shows (not in when it was built): compared by digest, not by serialising both. */
function sameContent(a: PublicSnapshot, b: PublicSnapshot): boolean {
  const [x, y] = [digestOf(a), digestOf(b)];
  return x.page === y.page && x.banner === y.banner;
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Rejects when `work` has not settled within `ms` (the work itself goes on, bounded by the pool's own deadline). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export class SnapshotUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The status page is unavailable: the database cannot be reached and no earlier snapshot is saved.", { cause });
  }
}

export class PublicSnapshotStore {
  readonly #options: Required<Omit<SnapshotStoreOptions, "file">> & { file?: string };
  #snapshot: PublicSnapshot | undefined;
  #staleSince: Date | null = null;
  #unreachableSince: Date | null = null;
  #reportedDamaged = false;
  #confirmedAt = new Date(0);
  #generation = 0;
  #lastCheck = 0;
  #lastError: unknown;
  #checking: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  readonly #listeners = new Set<() => void>();
  #saving: Promise<void> = Promise.resolve();
  #incidentIds: readonly string[] | undefined;
  #incidentIdsVersion = 0;

  constructor(options: SnapshotStoreOptions) {
    this.#options = {
      checkIntervalMs: 1_000,
      checkTimeoutMs: 3_000,
      clock: () => new Date(),
      log: (message) => console.log(`candor: ${message}`),
      ...options,
    };
  }

  /** Moves whenever what a public page shows may differ: a new snapshot, or the database lost or back. */
  get generation(): number {
    return this.#generation;
  }

  /** Calls `listener` each time the generation moves; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #bump(): void {
    this.#generation++;
    for (const listener of this.#listeners) listener();
  }

  /** Ids of every incident the public can open, or undefined when not known (no database since the start). */
  get incidentIds(): readonly string[] | undefined {
    return this.#incidentIds;
  }

  /** Moves when `incidentIds` changes (the front thread is sent the list only then). */
  get incidentIdsVersion(): number {
    return this.#incidentIdsVersion;
  }

  /** Since when the database cannot be reached (with or without a snapshot to serve), or null. */
  get unreachableSince(): Date | null {
    return this.#unreachableSince;
  }

  /** The snapshot without waiting, if one is loaded. */
  peek(): PublicRead | undefined {
    return this.#snapshot && { snapshot: this.#snapshot, staleSince: this.#staleSince, confirmedAt: this.#confirmedAt };
  }

  async read(): Promise<PublicRead> {
    if (!this.#snapshot) await this.refresh();
    else if (this.#options.clock().getTime() - this.#lastCheck >= this.#options.checkIntervalMs) void this.refresh();
    const read = this.peek();
    if (!read) throw new SnapshotUnavailableError(this.#lastError);
    return read;
  }

  /**
   * Checks the database now and rebuilds if needed. A call made while a check
   * is running waits for a new one, so a write that just committed is seen.
   */
  refresh(): Promise<void> {
    if (this.#checking) {
      this.#queued ??= this.#checking.then(() => {
        this.#queued = undefined;
        return this.refresh();
      });
      return this.#queued;
    }
    this.#checking = this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<void> {
    const now = this.#options.clock();
    this.#lastCheck = now.getTime();
    try {
      const version = await withDeadline(this.#options.source.readVersion(), this.#options.checkTimeoutMs);
      const current = this.#snapshot;
      if (!current || current.version !== version.version || now >= current.validUntil) {
        const [built, ids] = await Promise.all([this.#options.source.build(version, now), this.#options.source.listIncidentIds?.()]);
        const idsChanged = ids !== undefined && !sameList(ids, this.#incidentIds);
        if (idsChanged) {
          this.#incidentIds = ids;
          this.#incidentIdsVersion++;
          this.#saving = this.#saving.then(() => this.#saveIncidentIds(ids));
        }
        // A new version is a public write: history, incident and postmortem pages are rendered from their own
        // queries, outside the snapshot (an old postmortem unpublished changes nothing in it), so their cached
        // copies must go even when the snapshot reads the same. Only a clock tick keeps them.
        if (current && !idsChanged && current.version === version.version && sameContent(current, built)) {
          // Nothing a reader sees moved (a clock tick): cached pages stay valid.
          current.version = built.version;
          current.validUntil = built.validUntil;
        } else {
          this.#replace(built);
          // Serialising costs as much as a build on a large page: only a snapshot that shows something new is written.
          this.#saving = this.#saving.then(() => this.#save());
        }
      }
      this.#confirmedAt = now;
      this.#unreachableSince = null;
      if (this.#staleSince) {
        this.#options.log(
          `the database is reachable again; the public page is live (it was stale since ${this.#staleSince.toISOString()}).`,
        );
        this.#staleSince = null;
        this.#bump();
      }
    } catch (error) {
      this.#lastError = error;
      if (!this.#snapshot) {
        const saved = await this.#load();
        if (saved) {
          // Before the snapshot's bump, so the front thread learns both at once.
          if (this.#incidentIds === undefined) this.#incidentIds = await this.#loadIncidentIds();
          this.#incidentIdsVersion++;
          this.#replace(saved);
          this.#confirmedAt = saved.builtAt;
        }
      }
      if (!this.#unreachableSince && !this.#snapshot) {
        this.#options.log(
          `the database cannot be reached (${describeError(error)}) and no usable snapshot is saved; public pages are answered from saved responses where there are any.`,
        );
        this.#unreachableSince = now;
        this.#bump(); // the front thread learns it is stale (lib/public-cache/public-view.ts)
      }
      this.#unreachableSince ??= now;
      if (!this.#staleSince && this.#snapshot) {
        this.#options.log(
          `the database cannot be reached (${describeError(error)}); serving the public page from the snapshot of ${this.#snapshot.builtAt.toISOString()}.`,
        );
        this.#staleSince = now;
        this.#bump();
      }
    }
  }

  #replace(snapshot: PublicSnapshot): void {
    this.#snapshot = snapshot;
    this.#bump();
  }

  /** Waits until the disk copy of every snapshot built so far is written. */
  settled(): Promise<void> {
    return this.#saving;
  }

  async #save(): Promise<void> {
    const { file } = this.#options;
    if (file && this.#snapshot) await this.#writeAtomically(file, serializeSnapshot(this.#snapshot), "the public snapshot");
  }

  /** Writes a whole file or leaves the old one: a crash or a full disk never leaves half a file. */
  async #writeAtomically(file: string, text: string, what: string): Promise<void> {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      this.#options.log(`could not save ${what} to ${file}: ${(error as Error).message}`);
    }
  }

  /**
   * The incident ids beside the snapshot: started while the database is down,
   * Candor still tells an unknown incident (one shared 404) from a
   * known one (its saved page), instead of a 503 per made-up id.
   */
  #incidentIdsFile(): string | null {
    const { file } = this.#options;
    return file ? path.join(path.dirname(file), "incident-ids.json") : null;
  }

  async #saveIncidentIds(ids: readonly string[]): Promise<void> {
    const file = this.#incidentIdsFile();
    if (file) await this.#writeAtomically(file, JSON.stringify(ids), "the incident ids");
  }

  async #loadIncidentIds(): Promise<readonly string[] | undefined> {
    const file = this.#incidentIdsFile();
    const text = file ? await readFile(file, "utf8").catch(() => null) : null;
    if (text === null) return undefined;
    try {
      const ids: unknown = JSON.parse(text);
      return Array.isArray(ids) && ids.every((id) => typeof id === "string") ? ids : undefined;
    } catch {
      return undefined;
    }
  }

  async #load(): Promise<PublicSnapshot | null> {
    const { file } = this.#options;
    if (!file) return null;
    const text = await readFile(file, "utf8").catch(() => null);
    if (text === null) return null;
    const snapshot = parseSnapshot(text);
    // A truncated file (a full disk, a crash mid-copy) must be said, not passed off as "no snapshot".
    if (!snapshot && !this.#reportedDamaged) {
      this.#reportedDamaged = true;
      this.#options.log(
        `the saved public snapshot ${file} is damaged (${text.length} bytes, not a complete snapshot); it is not used, and is replaced once the database answers.`,
      );
    }
    return snapshot;
  }
}
