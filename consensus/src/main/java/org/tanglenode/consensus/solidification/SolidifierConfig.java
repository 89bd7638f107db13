package org.tanglenode.consensus.solidification;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the {@link Solidifier}.
 *
 * @param queueCapacity transactions waiting to be looked at; {@code offer} refuses beyond it
 * @param maxPending transactions held in memory waiting for parents; the oldest is dropped beyond
 * @param maxPendingAge how long a transaction may wait for its parents before it is dropped
 * @param solidCacheSize recently solid ids kept on the heap, so a child arriving before its
 *     parent's solid mark is written sees the parent solid
 * @param sweepInterval how often waiting transactions are checked for age
 * @param maxBatch transactions looked at before their solid marks are written in one update
 */
public record SolidifierConfig(
    int queueCapacity,
    int maxPending,
    Duration maxPendingAge,
    int solidCacheSize,
    Duration sweepInterval,
    int maxBatch) {

  public SolidifierConfig {
    Objects.requireNonNull(maxPendingAge, "maxPendingAge");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (queueCapacity < 1 || maxPending < 1 || solidCacheSize < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("solidifier bounds are positive");
    }
    if (maxPendingAge.isNegative()
        || maxPendingAge.isZero()
        || sweepInterval.isNegative()
        || sweepInterval.isZero()) {
      throw new IllegalArgumentException("solidifier durations are positive");
    }
  }

  /** 10,000 queued, 100,000 waiting for at most 10 minutes, a sweep every 5 s. */
  public static SolidifierConfig defaults() {
    return new SolidifierConfig(
        10_000, 100_000, Duration.ofMinutes(10), 200_000, Duration.ofSeconds(5), 1_000);
  }

  public SolidifierConfig withMaxPending(int value) {
    return new SolidifierConfig(
        queueCapacity, value, maxPendingAge, solidCacheSize, sweepInterval, maxBatch);
  }

  public SolidifierConfig withMaxPendingAge(Duration value) {
    return new SolidifierConfig(
        queueCapacity, maxPending, value, solidCacheSize, sweepInterval, maxBatch);
  }

  public SolidifierConfig withQueueCapacity(int value) {
    return new SolidifierConfig(
        value, maxPending, maxPendingAge, solidCacheSize, sweepInterval, maxBatch);
  }
}
