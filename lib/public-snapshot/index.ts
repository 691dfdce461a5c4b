// The process's one snapshot store. Candor's server and the Next.js bundle
// each load their own copy of this module, so the store lives on globalThis:
// both read the same snapshot and the same generation.
import path from "node:path";
import { getEnv } from "../env";
import { buildPublicSnapshot, readSnapshotVersion } from "./build-snapshot";
import { PublicSnapshotStore } from "./store";
import type { PublicRead } from "./types";

const STORE_KEY = Symbol.for("candor.publicSnapshotStore");

function publicSnapshotFile(): string {
  return path.join(getEnv().CANDOR_DATA_DIR, "public", "snapshot.json");
}

export function getPublicSnapshotStore(): PublicSnapshotStore {
  const holder = globalThis as { [STORE_KEY]?: PublicSnapshotStore };
  return (holder[STORE_KEY] ??= new PublicSnapshotStore({
    source: { readVersion: readSnapshotVersion, build: (version, now) => buildPublicSnapshot(version, now) },
    file: publicSnapshotFile(),
  }));
}

export function readPublicSnapshot(): Promise<PublicRead> {
  return getPublicSnapshotStore().read();
}

/** After a write in this process: the next public read shows it (other instances see it within a second). */
export function refreshPublicSnapshot(): Promise<void> {
  return getPublicSnapshotStore().refresh();
}
