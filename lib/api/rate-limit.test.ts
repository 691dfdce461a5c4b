import { describe, expect, it } from "vitest";
import { TokenRateLimiter } from "./rate-limit";

describe("the per-token rate limit", () => {
  it("allows the limit in a minute, refuses the next with the seconds left, and counts tokens apart", () => {
    const limiter = new TokenRateLimiter(2);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 1_000).allowed).toBe(true);
    expect(limiter.take("a", 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take("b", 20_000).allowed).toBe(true);
    expect(limiter.take("a", 60_000).allowed).toBe(true);
  });

  it("does not limit when the limit is 0", () => {
    const limiter = new TokenRateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take("a", i).allowed).toBe(true);
  });
});
