package org.tanglenode.gossip;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after {@code n} failures the delay is {@code initial * 2^n},
 * capped at {@code max}, then scaled by a random factor in {@code [1 - jitter, 1 + jitter]} so that
 * nodes restarted together do not redial in lockstep.
 */
final class Backoff {

  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final RandomGenerator random;

  Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.jitter = jitter;
    this.random = random;
  }

  Duration delay(int failures) {
    long base = maxMillis;
    if (failures < 62) {
      long scaled = initialMillis << Math.max(0, failures);
      if (scaled > 0 && (scaled >> Math.max(0, failures)) == initialMillis) {
        base = Math.min(maxMillis, scaled);
      }
    }
    double factor;
    synchronized (random) {
      factor = 1 - jitter + 2 * jitter * random.nextDouble();
    }
    return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
  }
}
