// A short digest of what a snapshot shows, in two parts (the sign-in banner
// and everything else), computed once when it is built: the store compares
// digests instead of serialising two snapshots, and the front thread keys
// its live notices on them.
import { createHash } from "node:crypto";
import type { PublicSnapshot } from "./types";

export interface SnapshotDigest {
  /** Everything a page, the API or a feed shows but the banner (not when it was built). */
  page: string;
  /** The sign-in banner shown. */
  banner: string;
}

const hash = (value: unknown) =>
  createHash("sha1")
    .update(JSON.stringify(value) ?? "null")
    .digest("base64url");

export function digestSnapshot(snapshot: PublicSnapshot): SnapshotDigest {
  const {
    version: _version,
    changedAt: _changedAt,
    builtAt: _builtAt,
    validUntil: _validUntil,
    digest: _digest,
    banner,
    ...shown
  } = snapshot;
  return { page: hash(shown), banner: hash(banner) };
}

/** The snapshot's digest (worked out here for one saved before digests were kept). */
export function digestOf(snapshot: PublicSnapshot): SnapshotDigest {
  return (snapshot.digest ??= digestSnapshot(snapshot));
}
