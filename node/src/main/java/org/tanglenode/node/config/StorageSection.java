package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import java.nio.file.Path;
import java.time.Duration;
import org.tanglenode.storage.Compression;
import org.tanglenode.storage.Durability;
import org.tanglenode.storage.RocksDbSettings;
import org.tanglenode.storage.StorageConfig;

/** The {@code storage} section; see {@link Settings} for defaults and units. */
public record StorageSection(
    String durability,
    int syncIntervalMs,
    int writeQueueCapacity,
    int maxGroupSize,
    int maxGroupDelayMs,
    long blockCacheBytes,
    long writeBufferBytes,
    long totalWriteBufferBytes,
    String compression,
    int maxOpenFiles,
    int backgroundJobs,
    int pruneKeepMilestones) {

  /**
   * The fewest milestones pruning may keep: well above the depth below which tip selection and
   * solidification still accept attachments (15 milestones below the latest, as
   * docs/tip-selection.md says), so that a late transaction never approves one that is gone.
   */
  public static final int MIN_PRUNE_KEEP_MILESTONES = 100;

  private static final long MIB = 1 << 20;

  public StorageSection {
    check(
        syncIntervalMs >= 1 && syncIntervalMs <= 3_600_000,
        "storage.syncIntervalMs",
        "must be 1 to 3600000, not " + syncIntervalMs);
    check(writeQueueCapacity >= 1, "storage.writeQueueCapacity", "must be at least 1");
    check(maxGroupSize >= 1, "storage.maxGroupSize", "must be at least 1");
    check(
        maxGroupDelayMs >= 0 && maxGroupDelayMs <= 1000,
        "storage.maxGroupDelayMs",
        "must be 0 to 1000, not " + maxGroupDelayMs);
    check(blockCacheBytes >= MIB, "storage.blockCacheBytes", "must be at least 1 MiB (1048576)");
    check(writeBufferBytes >= MIB, "storage.writeBufferBytes", "must be at least 1 MiB (1048576)");
    check(
        totalWriteBufferBytes >= writeBufferBytes,
        "storage.totalWriteBufferBytes",
        "must be at least storage.writeBufferBytes");
    check(
        maxOpenFiles == -1 || maxOpenFiles >= 16,
        "storage.maxOpenFiles",
        "must be -1 or at least 16, not " + maxOpenFiles);
    check(
        backgroundJobs >= 1 && backgroundJobs <= 64,
        "storage.backgroundJobs",
        "must be 1 to 64, not " + backgroundJobs);
    check(
        pruneKeepMilestones == 0 || pruneKeepMilestones >= MIN_PRUNE_KEEP_MILESTONES,
        "storage.pruneKeepMilestones",
        "must be 0 (off) or at least "
            + MIN_PRUNE_KEEP_MILESTONES
            + " milestones to keep, not "
            + pruneKeepMilestones);
  }

  /** Whether old confirmed transactions are pruned (off by default: full history). */
  public boolean pruning() {
    return pruneKeepMilestones > 0;
  }

  /** Storage's own configuration, with the database in {@code directory}. */
  public StorageConfig toStorageConfig(Path directory) {
    Durability mode =
        durability.equals("periodic")
            ? Durability.syncEvery(Duration.ofMillis(syncIntervalMs))
            : Durability.syncEveryGroup();
    RocksDbSettings rocksDb =
        new RocksDbSettings(
            blockCacheBytes,
            writeBufferBytes,
            totalWriteBufferBytes,
            Compression.valueOf(compression),
            maxOpenFiles,
            backgroundJobs);
    return new StorageConfig(
        directory,
        mode,
        writeQueueCapacity,
        maxGroupSize,
        Duration.ofMillis(maxGroupDelayMs),
        rocksDb);
  }
}
