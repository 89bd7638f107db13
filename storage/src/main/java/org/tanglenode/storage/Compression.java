package org.tanglenode.storage;

/** Block compression of the database files. */
public enum Compression {
  /** No compression: most CPU to spare, most disk used. */
  NONE,
  /** Fast, moderate ratio: the default for a 2-core server. */
  LZ4,
  /** Slower to write, about a third smaller on disk than LZ4 for protobuf transactions. */
  ZSTD
}
