package org.tanglenode.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything storage is configured with.
 *
 * @param directory the database folder; created if absent, refused if it holds anything but a
 *     Tangle database of this schema version
 * @param durability when writes are acknowledged (default: fsync every group)
 * @param writeQueueCapacity pending writes the writer accepts before callers wait or are refused
 *     (default 10,000)
 * @param maxGroupSize writes committed in one batch at most (default 1,000)
 * @param maxGroupDelay how long the writer waits for more writes to fill a group once it has one
 *     (default 0: it takes what is queued; the fsync of the previous group lets writes gather)
 * @param rocksDb RocksDB's own settings
 */
public record StorageConfig(
    Path directory,
    Durability durability,
    int writeQueueCapacity,
    int maxGroupSize,
    Duration maxGroupDelay,
    RocksDbSettings rocksDb) {

  public StorageConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(maxGroupDelay, "maxGroupDelay");
    Objects.requireNonNull(rocksDb, "rocksDb");
    if (writeQueueCapacity < 1) {
      throw new IllegalArgumentException("write queue capacity must be positive");
    }
    if (maxGroupSize < 1) {
      throw new IllegalArgumentException("max group size must be positive");
    }
    if (maxGroupDelay.isNegative() || maxGroupDelay.toMillis() > 1000) {
      throw new IllegalArgumentException("max group delay must be 0..1000 ms: " + maxGroupDelay);
    }
  }

  /** The defaults, with the database in {@code directory}. */
  public static StorageConfig defaults(Path directory) {
    return new StorageConfig(
        directory,
        Durability.syncEveryGroup(),
        10_000,
        1_000,
        Duration.ZERO,
        RocksDbSettings.defaults());
  }

  public StorageConfig withDurability(Durability value) {
    return new StorageConfig(
        directory, value, writeQueueCapacity, maxGroupSize, maxGroupDelay, rocksDb);
  }

  public StorageConfig withWriteQueueCapacity(int value) {
    return new StorageConfig(directory, durability, value, maxGroupSize, maxGroupDelay, rocksDb);
  }

  public StorageConfig withGroup(int size, Duration delay) {
    return new StorageConfig(directory, durability, writeQueueCapacity, size, delay, rocksDb);
  }

  public StorageConfig withRocksDb(RocksDbSettings value) {
    return new StorageConfig(
        directory, durability, writeQueueCapacity, maxGroupSize, maxGroupDelay, value);
  }
}
