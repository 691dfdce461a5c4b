// At every start: tells the database whether public changes should queue
// mirror pushes (the trigger reads mirror_state.enabled), and queues a
// catch-up push when the bucket is behind, has a different target, or the
// last push failed.
import "server-only";
import { prisma } from "../db";
import type { Env } from "../env";
import { enqueueMirrorPush } from "../outbox/enqueue";
import { configuredBucket } from "./run-push";
import { readPublicVersion } from "./queries";

export async function configureMirror(env: Env, log: (line: string) => void = console.log): Promise<void> {
  const bucket = configuredBucket(env);
  const queued = await prisma.$transaction(async (tx) => {
    const state = await tx.mirrorState.upsert({ where: { id: 1 }, create: { id: 1, enabled: !!bucket }, update: { enabled: !!bucket } });
    if (!bucket) return false;
    const { version } = await readPublicVersion();
    const isBehind = state.target !== bucket.target || state.pushedVersion < version || state.lastError !== null;
    return isBehind && (await enqueueMirrorPush(tx, `start-${version}-${Date.now()}`)).isNew;
  });
  if (bucket) log(`Static mirror: every public change is pushed to ${bucket.target}${queued ? " (catching up now)" : ""}.`);
}
