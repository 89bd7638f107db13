package org.tanglenode.node.gateway;

/**
 * A token bucket of readings per second, shared by all HTTP clients: it holds at most one second's
 * worth, so a burst after a quiet spell is one second of the limit. 0 means no limit.
 */
final class RateLimit {

  private final long perSecond;
  private double tokens;
  private long lastNanos;

  RateLimit(long perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nowNanos;
  }

  /** Takes {@code n} readings' worth if the bucket holds them. */
  synchronized boolean take(int n, long nowNanos) {
    if (perSecond == 0) {
      return true;
    }
    tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
    lastNanos = nowNanos;
    // A request larger than a second's worth passes when the bucket is full, or it never would.
    if (tokens >= n || tokens >= perSecond) {
      tokens -= n;
      return true;
    }
    return false;
  }
}
