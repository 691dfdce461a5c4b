/** At most `perSecond` takes a second, spread evenly; 0 means no limit. */
export class RateLimiter {
  #next = 0;
  constructor(private readonly perSecond: number) {}

  async take(): Promise<void> {
    if (this.perSecond <= 0) return;
    const now = performance.now();
    const at = Math.max(now, this.#next);
    this.#next = at + 1_000 / this.perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
