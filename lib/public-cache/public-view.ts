// What the response cache needs to know of the public snapshot. The front
// server runs in its own thread, apart from Next.js, and learns it from the
// main thread's store by message (lib/launcher/serve.ts).
import { digestOf } from "../public-snapshot/digest";
import { historyPageCount } from "../public-snapshot/select";
import type { PublicSnapshotStore } from "../public-snapshot/store";

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
  /** Null before the ids are known; undefined when unchanged since the state the receiver has (`incidentIdsVersion`). */
  incidentIds?: readonly string[] | null;
  incidentIdsVersion: number;
  stale: boolean;
  historyPages: number | null;
  /** The database's snapshot version (null before the first snapshot). */
  version: string | null;
  /** Moves when the sign-in banner shown changes. */
  bannerKey: string | null;
  /** Moves when anything else a public page shows changes (the stale notice included). */
  pageKey: string | null;
}

/**
 * The view as the front thread needs it. With `sent`, the state last posted
 * to it, the incident ids are left out when they have not changed (they grow
 * with history; the rest does not).
 */
export function publicViewState(store: PublicSnapshotStore, sent?: PublicViewState): PublicViewState {
  const read = store.peek();
  const ids = store.incidentIds;
  const stale = Boolean(read?.staleSince);
  return {
    generation: store.generation,
    ...(sent && sent.incidentIdsVersion === store.incidentIdsVersion ? {} : { incidentIds: ids ?? null }),
    incidentIdsVersion: store.incidentIdsVersion,
    // Also with no snapshot at all (none saved, or a damaged one): saved responses are then all there is.
    stale: stale || store.unreachableSince !== null,
    historyPages: read?.snapshot.historyCount !== undefined ? historyPageCount(read.snapshot.historyCount) : null,
    version: read?.snapshot.version ?? null,
    bannerKey: read?.snapshot.banner ? `${read.snapshot.banner.id}@${read.snapshot.banner.updated_at}` : null,
    pageKey: read ? `${digestOf(read.snapshot).page}.${stale ? "stale" : "live"}` : null,
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
    if (state.incidentIds !== undefined) this.incidentIds = state.incidentIds ? new Set(state.incidentIds) : undefined;
    this.stale = state.stale;
  }
}
