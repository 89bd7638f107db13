package org.tanglenode.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * When a write is acknowledged, and what a crash can lose.
 *
 * <ul>
 *   <li>{@link Mode#SYNC_EVERY_GROUP} (the default): each group of writes is appended to the
 *       write-ahead log and the log is fsynced before any write of the group is acknowledged. An
 *       acknowledged write survives a kill -9 of the process and a power cut.
 *   <li>{@link Mode#SYNC_PERIODICALLY}: a group is acknowledged once it is appended to the log (in
 *       the operating system's page cache, so it survives a kill -9 of the process); the log is
 *       fsynced every {@code syncInterval}. A power cut or kernel crash can lose the writes of the
 *       last interval.
 * </ul>
 */
public record Durability(Mode mode, Duration syncInterval) {

  /** See the class comment. */
  public enum Mode {
    SYNC_EVERY_GROUP,
    SYNC_PERIODICALLY
  }

  public Durability {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(syncInterval, "syncInterval");
    if (mode == Mode.SYNC_PERIODICALLY
        && (syncInterval.isNegative() || syncInterval.isZero() || syncInterval.toHours() > 1)) {
      throw new IllegalArgumentException(
          "a periodic sync interval is between 1 ms and 1 h, not " + syncInterval);
    }
  }

  /** fsync every group before acknowledging it: nothing acknowledged is ever lost. */
  public static Durability syncEveryGroup() {
    return new Durability(Mode.SYNC_EVERY_GROUP, Duration.ZERO);
  }

  /** Acknowledge after the log write, fsync every {@code interval}. */
  public static Durability syncEvery(Duration interval) {
    return new Durability(Mode.SYNC_PERIODICALLY, interval);
  }
}
