// Idempotency-Key on POSTs: the first answer is stored per (token, key) and
// replayed for repeats; the same key with another request is refused (409).
import { createHash } from "node:crypto";
import { prisma, type Prisma } from "../db";
import { ApiError } from "./errors";

export interface StoredAnswer {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Keys are forgotten after a day, like Stripe's. */
const KEEP_MS = 86_400_000;

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Runs `answer` once per key. Returns the stored first answer for a repeat
 * (`replayed`). Answers of 5xx are not stored, so a retry runs again.
 */
export async function answerOnce(
  tokenId: string,
  key: string,
  fingerprint: string,
  answer: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(
      400,
      "invalid_idempotency_key",
      "Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal).",
      "Idempotency-Key",
    );
  }
  const claimed = await prisma.$executeRaw`
    INSERT INTO api_idempotency_keys (token_id, key, request_hash, created_at, updated_at)
    VALUES (${tokenId}, ${key}, ${fingerprint}, now(), now())
    ON CONFLICT (token_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response_body = NULL,
      created_at = now(), updated_at = now()
    WHERE api_idempotency_keys.created_at < now() - make_interval(secs => ${KEEP_MS / 1000})`;
  if (claimed === 0) return { ...(await storedAnswer(tokenId, key, fingerprint)), replayed: true };
  let result: StoredAnswer;
  try {
    result = await answer();
  } catch (error) {
    await prisma.apiIdempotencyKey.delete({ where: { tokenId_key: { tokenId, key } } }).catch(() => {});
    throw error;
  }
  if (result.status >= 500) {
    await prisma.apiIdempotencyKey.delete({ where: { tokenId_key: { tokenId, key } } }).catch(() => {});
  } else {
    await prisma.apiIdempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { status: result.status, responseBody: (result.body ?? {}) as Prisma.InputJsonValue },
    });
  }
  return { ...result, replayed: false };
}

async function storedAnswer(tokenId: string, key: string, fingerprint: string): Promise<StoredAnswer> {
  const row = await prisma.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
  if (!row)
    throw new ApiError(409, "idempotency_conflict", "A request with this Idempotency-Key was just abandoned. Retry it.", "Idempotency-Key");
  if (row.requestHash !== fingerprint) {
    throw new ApiError(
      409,
      "idempotency_key_reused",
      "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
      "Idempotency-Key",
    );
  }
  if (row.status === null) {
    throw new ApiError(
      409,
      "idempotency_in_progress",
      "The first request with this Idempotency-Key is still being answered. Retry in a moment.",
      "Idempotency-Key",
      {
        "retry-after": "1",
      },
    );
  }
  return { status: row.status, body: row.responseBody };
}
