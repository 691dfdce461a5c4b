// The mirror's push state (one row): what the bucket holds (the manifest of
// content hashes), which public version it shows, and how the last push went.
import "server-only";
import { prisma, Prisma } from "../db";

export interface ManifestEntry {
  hash: string;
  contentHash?: string;
  updatedAt?: string;
  /** What a page was rendered from (lib/mirror/queries.ts's fingerprint and the build). */
  source?: string;
}
export type Manifest = Record<string, ManifestEntry>;

export interface MirrorState {
  enabled: boolean;
  target: string;
  pushedVersion: bigint;
  manifest: Manifest;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastUploaded: number;
  lastDeleted: number;
  lastBytes: bigint;
  objectCount: number;
}

export async function readMirrorState(): Promise<MirrorState> {
  const row = await prisma.mirrorState.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  return { ...row, manifest: (row.manifest ?? {}) as unknown as Manifest };
}

export async function recordPushAttempt(): Promise<void> {
  await prisma.mirrorState.update({ where: { id: 1 }, data: { lastAttemptAt: new Date() } });
}

export async function recordPushSuccess(result: {
  target: string;
  version: bigint;
  manifest: Manifest;
  uploaded: number;
  deleted: number;
  bytes: number;
}): Promise<void> {
  await prisma.mirrorState.update({
    where: { id: 1 },
    data: {
      target: result.target,
      // Pushes run one at a time (push-lock.ts) and each reads the version first, so this only moves forward.
      pushedVersion: result.version,
      manifest: result.manifest as unknown as Prisma.InputJsonValue,
      lastSuccessAt: new Date(),
      lastError: null,
      lastErrorAt: null,
      lastUploaded: result.uploaded,
      lastDeleted: result.deleted,
      lastBytes: BigInt(result.bytes),
      objectCount: Object.keys(result.manifest).length,
    },
  });
}

/** Best effort: with the database down the failure is only logged. */
export async function recordPushFailure(message: string): Promise<void> {
  await prisma.mirrorState
    .update({ where: { id: 1 }, data: { lastError: message.slice(0, 1_000), lastErrorAt: new Date() } })
    .catch(() => undefined);
}
