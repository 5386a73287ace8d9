/** Sending rate for one channel: a burst of `capacity`, refilled at `perSecond`. */
export interface RateLimit {
  /** Tokens added per second (sustained messages per second). */
  perSecond: number;
  /** Most messages sent back to back after a quiet spell. */
  capacity: number;
}

/**
 * Token buckets keyed by channel link. In-memory on purpose: platforms limit per channel
 * per app, and a second replica only makes the limiter conservative per process; the
 * 429 path (Retry-After) covers the rest.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /**
   * Takes a token for `key` at time `nowMs`; returns 0 if one was taken, else the ms to
   * wait until one will be available.
   */
  take(key: string, limit: RateLimit, nowMs: number): number {
    const b = this.buckets.get(key) ?? { tokens: limit.capacity, at: nowMs };
    const elapsed = Math.max(0, nowMs - b.at) / 1000;
    b.tokens = Math.min(limit.capacity, b.tokens + elapsed * limit.perSecond);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / limit.perSecond) * 1000);
  }
}
