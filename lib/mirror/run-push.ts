// The outbox's mirror channel: a queued push, with the bucket configured
// from the environment and the pages rendered in this process (the renderer
// server.ts provides: Next.js on its loopback port) or, in a worker of its
// own (`npm run worker`), from the Candor answering on PORT on this machine.
import "server-only";
import { getEnv, type Env } from "../env";
import { getPublicSnapshotStore } from "../public-snapshot";
import { provided } from "../runtime/services";
import { createMirrorBucket, type MirrorBucket } from "./bucket";
import { createHttpRenderer } from "./http-render";
import { pushMirror } from "./push-mirror";

/** A queued push with no mirror configured any more: retrying cannot help. */
class MirrorNotConfiguredError extends Error {
  readonly isPermanent = true;
  constructor() {
    super("The static mirror is not configured (CANDOR_MIRROR_S3_URL is unset), so this push was dropped.");
    this.name = "MirrorNotConfiguredError";
  }
}

/** The bucket CANDOR_MIRROR_S3_* name, or null when no mirror is configured. */
export function configuredBucket(env: Env = getEnv()): MirrorBucket | null {
  if (!env.CANDOR_MIRROR_S3_URL) return null;
  return createMirrorBucket({
    url: env.CANDOR_MIRROR_S3_URL,
    region: env.CANDOR_MIRROR_S3_REGION,
    bucket: env.CANDOR_MIRROR_S3_BUCKET!,
    prefix: env.CANDOR_MIRROR_S3_PREFIX,
    accessKeyId: env.CANDOR_MIRROR_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.CANDOR_MIRROR_S3_SECRET_ACCESS_KEY!,
  });
}

export async function pushConfiguredMirror(forVersion: bigint | null): Promise<void> {
  const env = getEnv();
  const bucket = configuredBucket(env);
  if (!bucket) throw new MirrorNotConfiguredError();
  const inProcess = provided("publicRenderer");
  const store = provided("snapshotStore");
  const result = await pushMirror({
    bucket,
    forVersion,
    render: inProcess ?? createHttpRenderer(`http://127.0.0.1:${env.PORT}`),
    // Next's pages read this process's store: bring it to the database's version first.
    refresh: store ? () => getPublicSnapshotStore().refresh() : undefined,
  });
  if (!result.skipped) {
    console.log(
      `candor: mirror: pushed version ${result.version} to ${bucket.target}: ${result.uploaded} uploaded (${result.bytes} bytes), ${result.deleted} deleted.`,
    );
  }
}
