// Fixed-window counters in the rate_limits table that limits sign-in
// (better-auth's), shared by every instance on one database. Keys here are
// prefixed so they never meet better-auth's own.
import { prisma } from "../db";
import { randomUUID } from "node:crypto";

export interface RateRule {
  max: number;
  windowMs: number;
}

/**
 * Counts one request against `key`; false (and counted) when the window
 * already holds `max`. One statement, so concurrent requests count exactly.
 */
export async function hitRateLimit(
  key: string,
  rule: RateRule,
  now = Date.now(),
): Promise<{ isAllowed: boolean; retryAfterSeconds: number }> {
  const windowStart = BigInt(now - rule.windowMs);
  const rows = await prisma.$queryRaw<{ count: number; last_request: bigint }[]>`
    INSERT INTO rate_limits (id, key, count, last_request) VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.last_request < ${windowStart} THEN 1 ELSE rate_limits.count + 1 END,
      last_request = CASE WHEN rate_limits.last_request < ${windowStart} THEN ${BigInt(now)} ELSE rate_limits.last_request END
    RETURNING count, last_request`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.last_request) + rule.windowMs - now) / 1000));
  return { isAllowed: row.count <= rule.max, retryAfterSeconds };
}
