// One push of the static mirror to its bucket: render every public URL,
// compare each file's hash with the manifest of what the bucket holds,
// upload only what changed (assets, then data, then pages deepest first,
// the front page last, so no page links to one not yet there), delete what
// is no longer published, and record the new manifest. One push at a time
// across instances (push-lock.ts). A failure leaves the manifest as it was:
// the next push uploads whatever is still different.
import "server-only";
import { getPageSettings } from "../settings/queries";
import { buildMirror, type MirrorFile, type RenderPath } from "./build-mirror";
import type { MirrorBucket } from "./bucket";
import { withMirrorLock } from "./push-lock";
import { listMirrorPages, readPublicVersion } from "./queries";
import { readMirrorState, recordPushAttempt, recordPushFailure, recordPushSuccess, type Manifest } from "./state";
import { orderForUpload } from "./write-folder";

export interface PushOptions {
  render: RenderPath;
  bucket: MirrorBucket;
  /** The public version this push was queued for; a bucket already showing it is left alone. Null: push now. */
  forVersion: bigint | null;
  /** Brings this process's public snapshot up to the database before rendering. */
  refresh?: () => Promise<void>;
}

export interface PushResult {
  skipped: boolean;
  version: bigint;
  uploaded: number;
  deleted: number;
  bytes: number;
}

const PARALLEL_REQUESTS = 8;

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_REQUESTS, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Uploads in order, one group at a time (a group: files of one kind and depth), in parallel within it. */
async function uploadInOrder(bucket: MirrorBucket, files: MirrorFile[]): Promise<void> {
  const groups: MirrorFile[][] = [];
  let groupKey = "";
  for (const file of orderForUpload(files)) {
    const key = `${file.kind}:${file.kind === "asset" || file.kind === "data" ? 0 : file.file.split("/").length}`;
    if (key !== groupKey || groups.length === 0) groups.push([]);
    groupKey = key;
    groups.at(-1)!.push(file);
  }
  for (const group of groups) {
    await inParallel(group, (file) =>
      bucket.put({ key: file.file, body: file.body!, contentType: file.contentType, cacheControl: file.cacheControl }),
    );
  }
}

function manifestOf(files: MirrorFile[]): Manifest {
  return Object.fromEntries(files.map((file) => [file.file, { hash: file.hash, ...file.page }]));
}

/**
 * Pushes the current public state. Idempotent: pushing twice uploads
 * nothing the second time. Rejects with the bucket's or the render's error
 * (recorded as the mirror's last error) for the outbox to retry.
 */
export async function pushMirror(options: PushOptions): Promise<PushResult> {
  const { bucket, render } = options;
  return withMirrorLock(async () => {
    const state = await readMirrorState();
    const manifest = state.target === bucket.target ? state.manifest : {};
    if (options.forVersion !== null && state.target === bucket.target && state.pushedVersion >= options.forVersion) {
      return { skipped: true, version: state.pushedVersion, uploaded: 0, deleted: 0, bytes: 0 };
    }
    await recordPushAttempt();
    try {
      const { version } = await readPublicVersion();
      await options.refresh?.();
      const [settings, listing] = await Promise.all([getPageSettings(), listMirrorPages()]);
      const previousPages = new Map(
        Object.entries(manifest).flatMap(([file, entry]) =>
          entry.contentHash && entry.updatedAt
            ? [[file, { hash: entry.hash, contentHash: entry.contentHash, updatedAt: entry.updatedAt, source: entry.source }] as const]
            : [],
        ),
      );
      const files = await buildMirror({ render, listing, publicUrl: settings.effectivePublicUrl, previousPages });
      // A reused page (body null) has the manifest's hash: never in this list.
      const changed = files.filter((file) => manifest[file.file]?.hash !== file.hash && file.body !== null);
      await uploadInOrder(bucket, changed);
      const held = new Set(files.map((file) => file.file));
      // After the pages that linked them were replaced.
      const gone = Object.keys(manifest).filter((file) => !held.has(file));
      await inParallel(gone, (file) => bucket.delete(file));
      const result = {
        version,
        uploaded: changed.length,
        deleted: gone.length,
        bytes: changed.reduce((total, file) => total + (file.body?.length ?? 0), 0),
      };
      await recordPushSuccess({ ...result, target: bucket.target, manifest: manifestOf(files) });
      return { skipped: false, ...result };
    } catch (error) {
      await recordPushFailure((error as Error).message ?? String(error));
      throw error;
    }
  });
}
