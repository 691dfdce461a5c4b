// How the static mirror is doing, for /api/health and Admin → Mirror: how
// far behind the live page the bucket is, and how the last push went.
import "server-only";
import { prisma } from "../db";
import { getEnv } from "../env";
import { enqueueMirrorPush } from "../outbox/enqueue";
import { pokeOutboxWorker } from "../outbox/run-worker";
import { configuredBucket } from "./run-push";
import { readPublicVersion } from "./queries";
import { readMirrorState } from "./state";

export interface MirrorStatus {
  target: string;
  /** True while the bucket shows an older public version than the live page. */
  isBehind: boolean;
  /** Since the first public change the bucket does not show yet; 0 when up to date. */
  lagSeconds: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** The last successful push: objects uploaded and deleted, and bytes uploaded. */
  lastPush: { uploaded: number; deleted: number; bytes: number };
  /** Objects the bucket holds. */
  objects: number;
}

/** Null when no mirror is configured (CANDOR_MIRROR_S3_URL unset). */
export async function describeMirror(now = new Date()): Promise<MirrorStatus | null> {
  const bucket = configuredBucket(getEnv());
  if (!bucket) return null;
  const [state, live] = await Promise.all([readMirrorState(), readPublicVersion()]);
  const isBehind = state.target !== bucket.target || state.pushedVersion < live.version;
  let behindSince = live.changedAt;
  if (isBehind) {
    // The oldest push queued for a version the bucket does not show: when the live page first moved ahead.
    const [row] = await prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT min(created_at) AS at FROM outbox
      WHERE kind = 'mirror-push' AND dispatch_id ~ '^[0-9]+$' AND dispatch_id::bigint > ${state.pushedVersion}`;
    if (row?.at && row.at < behindSince) behindSince = row.at;
  }
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    target: bucket.target,
    isBehind,
    lagSeconds: isBehind ? Math.max(0, Math.round((now.getTime() - behindSince.getTime()) / 1000)) : 0,
    lastSuccessAt: iso(state.lastSuccessAt),
    lastAttemptAt: iso(state.lastAttemptAt),
    lastError: state.lastError,
    lastErrorAt: iso(state.lastErrorAt),
    lastPush: { uploaded: state.lastUploaded, deleted: state.lastDeleted, bytes: Number(state.lastBytes) },
    objects: state.objectCount,
  };
}

/** "Push now": queues a push whatever the bucket shows, and wakes this process's worker. */
export async function requestMirrorPush(): Promise<void> {
  await prisma.$transaction((tx) => enqueueMirrorPush(tx, `manual-${Date.now()}`));
  pokeOutboxWorker();
}
