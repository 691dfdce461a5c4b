// The process's one snapshot store. Candor's server creates it and provides
// it to Next.js's bundle through lib/runtime/services.ts, so both read the
// same snapshot and the same generation; outside `npm start` (tests, scripts)
// this module keeps its own.
import path from "node:path";
import { getEnv } from "../env";
import { provided } from "../runtime/services";
import { listIncidentIds } from "../incidents/queries";
import { buildPublicSnapshot, readSnapshotVersion } from "./build-snapshot";
import { PublicSnapshotStore } from "./store";
import type { PublicRead } from "./types";

let own: PublicSnapshotStore | undefined;

function publicSnapshotFile(): string {
  return path.join(getEnv().CANDOR_DATA_DIR, "public", "snapshot.json");
}

/** A new store reading this process's database, saving to the data directory. */
export function createPublicSnapshotStore(): PublicSnapshotStore {
  return new PublicSnapshotStore({
    source: { readVersion: readSnapshotVersion, build: (version, now) => buildPublicSnapshot(version, now), listIncidentIds },
    file: publicSnapshotFile(),
  });
}

export function getPublicSnapshotStore(): PublicSnapshotStore {
  return provided("snapshotStore") ?? (own ??= createPublicSnapshotStore());
}

export function readPublicSnapshot(): Promise<PublicRead> {
  return getPublicSnapshotStore().read();
}

/** After a write in this process: the next public read shows it (other instances see it within a second). */
export function refreshPublicSnapshot(): Promise<void> {
  return getPublicSnapshotStore().refresh();
}
