// Requests per token per minute, counted in this process (each instance
// counts its own: behind N instances a token gets up to N times the limit).
// A fixed one-minute window: cheap, and Retry-After is exact.

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

export class TokenRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limitPerMinute: number) {}

  take(tokenId: string, now = Date.now()): RateDecision {
    if (this.limitPerMinute === 0) return { allowed: true, retryAfterSeconds: 0 };
    let window = this.windows.get(tokenId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(tokenId, window);
    }
    window.count += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    return { allowed: window.count <= this.limitPerMinute, retryAfterSeconds };
  }
}
