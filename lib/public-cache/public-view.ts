// What the response cache needs to know of the public snapshot. The front
// server runs in its own thread, apart from Next.js, and learns it from the
// main thread's store by message (lib/launcher/serve.ts).
import { createHash } from "node:crypto";
import { historyPageCount } from "../public-snapshot/select";
import type { PublicSnapshotStore } from "../public-snapshot/store";
import type { PublicSnapshot } from "../public-snapshot/types";

export interface PublicView {
  /** Moves whenever a public page may differ. */
  readonly generation: number;
  /** Ids of the incidents the public can open; undefined before the first snapshot. */
  readonly incidentIds: ReadonlySet<string> | undefined;
  /** True while the database cannot be reached (responses are then not saved to disk). */
  readonly stale: boolean;
  /** Pages of /history; undefined before the first snapshot. */
  readonly historyPages: number | undefined;
}

export interface PublicViewState {
  generation: number;
  incidentIds: string[] | null;
  stale: boolean;
  historyPages: number | null;
  /** The database's snapshot version (null before the first snapshot). */
  version: string | null;
  /** Moves when the sign-in banner shown changes. */
  bannerKey: string | null;
  /** Moves when anything else a public page shows changes (the stale notice included). */
  pageKey: string | null;
}

/** A short digest of what the pages show, apart from the banner and the build's own times. */
function pageKeyOf(snapshot: PublicSnapshot, stale: boolean): string {
  const { version: _v, changedAt: _c, builtAt: _b, validUntil: _u, banner: _banner, ...shown } = snapshot;
  return createHash("sha1")
    .update(JSON.stringify(shown))
    .update(stale ? "stale" : "live")
    .digest("base64url");
}

export function publicViewState(store: PublicSnapshotStore): PublicViewState {
  const read = store.peek();
  return {
    generation: store.generation,
    incidentIds: read ? read.snapshot.incidents.map((incident) => incident.id) : null,
    // Also with no snapshot at all (none saved, or a damaged one): saved responses are then all there is.
    stale: Boolean(read?.staleSince) || store.unreachableSince !== null,
    historyPages: read ? historyPageCount(read.snapshot.incidents) : null,
    version: read?.snapshot.version ?? null,
    bannerKey: read?.snapshot.banner ? `${read.snapshot.banner.id}@${read.snapshot.banner.updated_at}` : null,
    pageKey: read ? pageKeyOf(read.snapshot, Boolean(read.staleSince)) : null,
  };
}

/** A view kept up to date by `update` (the front thread's copy). */
export class PublicViewCopy implements PublicView {
  generation = -1;
  incidentIds: ReadonlySet<string> | undefined;
  stale = false;
  historyPages: number | undefined;

  update(state: PublicViewState): void {
    this.historyPages = state.historyPages ?? undefined;
    this.generation = state.generation;
    this.incidentIds = state.incidentIds ? new Set(state.incidentIds) : undefined;
    this.stale = state.stale;
  }
}
