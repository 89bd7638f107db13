package org.tanglenode.storage;

import java.util.Objects;

/**
 * The RocksDB settings an operator may need to change. The defaults suit a 2-core office server
 * with 4 GiB of memory that also runs the rest of the node (about 0.5 GiB for RocksDB in total).
 *
 * @param blockCacheBytes one read cache shared by all column families (default 128 MiB)
 * @param writeBufferBytes size of one memtable of one column family before it is flushed (default
 *     16 MiB)
 * @param totalWriteBufferBytes cap on all memtables together, charged to the block cache (default
 *     128 MiB)
 * @param compression block compression (default LZ4)
 * @param maxOpenFiles files RocksDB keeps open; -1 for all (default 512, below the usual 1024 limit
 *     of a process)
 * @param backgroundJobs threads for flushes and compactions (default 2, the cores of the server)
 */
public record RocksDbSettings(
    long blockCacheBytes,
    long writeBufferBytes,
    long totalWriteBufferBytes,
    Compression compression,
    int maxOpenFiles,
    int backgroundJobs) {

  private static final long MIB = 1024L * 1024L;

  public RocksDbSettings {
    Objects.requireNonNull(compression, "compression");
    if (blockCacheBytes < MIB) {
      throw new IllegalArgumentException("block cache must be at least 1 MiB: " + blockCacheBytes);
    }
    if (writeBufferBytes < MIB) {
      throw new IllegalArgumentException(
          "write buffer must be at least 1 MiB: " + writeBufferBytes);
    }
    if (totalWriteBufferBytes < writeBufferBytes) {
      throw new IllegalArgumentException("total write buffer must be at least one write buffer");
    }
    if (maxOpenFiles != -1 && maxOpenFiles < 16) {
      throw new IllegalArgumentException("max open files is -1 or at least 16: " + maxOpenFiles);
    }
    if (backgroundJobs < 1 || backgroundJobs > 64) {
      throw new IllegalArgumentException("background jobs must be 1..64: " + backgroundJobs);
    }
  }

  /** The defaults for a 2-core server with 4 GiB of memory. */
  public static RocksDbSettings defaults() {
    return new RocksDbSettings(128 * MIB, 16 * MIB, 128 * MIB, Compression.LZ4, 512, 2);
  }

  public RocksDbSettings withBlockCacheBytes(long bytes) {
    return new RocksDbSettings(
        bytes, writeBufferBytes, totalWriteBufferBytes, compression, maxOpenFiles, backgroundJobs);
  }

  public RocksDbSettings withCompression(Compression value) {
    return new RocksDbSettings(
        blockCacheBytes,
        writeBufferBytes,
        totalWriteBufferBytes,
        value,
        maxOpenFiles,
        backgroundJobs);
  }

  public RocksDbSettings withWriteBufferBytes(long perColumn, long total) {
    return new RocksDbSettings(
        blockCacheBytes, perColumn, total, compression, maxOpenFiles, backgroundJobs);
  }

  public RocksDbSettings withMaxOpenFiles(int value) {
    return new RocksDbSettings(
        blockCacheBytes,
        writeBufferBytes,
        totalWriteBufferBytes,
        compression,
        value,
        backgroundJobs);
  }
}
