// The mirror's bucket: PUT and DELETE of objects on any S3-compatible
// service (AWS S3, Cloudflare R2, Backblaze B2, MinIO, Garage), signed with
// aws4fetch (SigV4). Path-style URLs (endpoint/bucket/key) work on all of
// them. Every failure becomes a MirrorBucketError that says what to check.
import { AwsClient } from "aws4fetch";

export interface BucketConfig {
  url: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface PutObject {
  key: string;
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

export interface MirrorBucket {
  /** "http://host/bucket/prefix/": what the manifest describes, and what the admin shows. */
  readonly target: string;
  put(object: PutObject): Promise<void>;
  /** Deleting an object that is not there succeeds (S3's own rule). */
  delete(key: string): Promise<void>;
}

/** A bucket request failed; the message is for the operator (admin and log). */
export class MirrorBucketError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "MirrorBucketError";
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** S3's error code from its XML body ("<Code>NoSuchBucket</Code>"). */
function errorCodeOf(body: string): string | null {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? null;
}

function explain(config: BucketConfig, status: number, code: string | null): string {
  const where = `bucket ${config.bucket} at ${config.url}`;
  switch (code) {
    case "InvalidAccessKeyId":
    case "SignatureDoesNotMatch":
    case "InvalidSecurity":
      return `The ${where} refused the credentials (${code}): check CANDOR_MIRROR_S3_ACCESS_KEY_ID and CANDOR_MIRROR_S3_SECRET_ACCESS_KEY.`;
    case "AccessDenied":
      return `The ${where} denied access (AccessDenied): the key needs permission to put and delete objects under the prefix.`;
    case "NoSuchBucket":
      return `The ${where} does not exist (NoSuchBucket): create it, or check CANDOR_MIRROR_S3_BUCKET and CANDOR_MIRROR_S3_URL.`;
    case "AuthorizationHeaderMalformed":
    case "PermanentRedirect":
      return `The ${where} is in another region (${code}): check CANDOR_MIRROR_S3_REGION.`;
  }
  return `The ${where} answered HTTP ${status}${code ? ` (${code})` : ""}.`;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if ((error as Error)?.name === "TimeoutError") return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

export function createMirrorBucket(config: BucketConfig): MirrorBucket {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    // A couple of quick retries for a blip; the outbox retries a failed push with backoff.
    retries: 2,
  });
  const base = `${config.url}/${config.bucket}/`;
  const urlOf = (key: string) => base + (config.prefix + key).split("/").map(encodeURIComponent).join("/");

  async function send(method: "PUT" | "DELETE", key: string, init: { body?: Buffer; headers?: Record<string, string> }) {
    let response: Response;
    try {
      response = await client.fetch(urlOf(key), {
        method,
        headers: init.headers,
        body: init.body ? new Uint8Array(init.body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new MirrorBucketError(
        `The bucket service at ${config.url} cannot be reached (${describeNetworkError(error)}); the push is retried.`,
        error,
      );
    }
    const body = await response.text().catch(() => "");
    if (response.ok || (method === "DELETE" && response.status === 404)) return;
    throw new MirrorBucketError(explain(config, response.status, errorCodeOf(body)));
  }

  return {
    target: base + config.prefix,
    put: (object) =>
      send("PUT", object.key, {
        body: object.body,
        headers: { "content-type": object.contentType, "cache-control": object.cacheControl },
      }),
    delete: (key) => send("DELETE", key, {}),
  };
}
