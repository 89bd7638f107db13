package org.tanglenode.gossip;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, at most {@code capacity} saved up. Taking
 * more than the balance is allowed and leaves a debt; the answer says how long until it is paid,
 * which is how long to stop reading. Not thread-safe: one per peer, used on its event loop.
 */
final class TokenBucket {

  private final double ratePerMilli;
  private final double capacity;
  private double tokens;
  private long updatedMillis;

  TokenBucket(double ratePerSecond, double capacity, long nowMillis) {
    if (ratePerSecond <= 0 || capacity <= 0) {
      throw new IllegalArgumentException("rate and capacity are positive");
    }
    this.ratePerMilli = ratePerSecond / 1000.0;
    this.capacity = capacity;
    this.tokens = capacity;
    this.updatedMillis = nowMillis;
  }

  /** Takes {@code amount} tokens; the milliseconds until the balance is not negative again. */
  long take(double amount, long nowMillis) {
    long elapsed = Math.max(0, nowMillis - updatedMillis);
    updatedMillis = Math.max(updatedMillis, nowMillis);
    tokens = Math.min(capacity, tokens + elapsed * ratePerMilli) - amount;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerMilli);
  }
}
