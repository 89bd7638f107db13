package org.tanglenode.crypto.merkle;

import java.util.Arrays;
import java.util.Objects;

/**
 * The hash of one complete, aligned perfect subtree of a {@link HistoryTree}: the node at {@code
 * level} and {@code index} covers the leaves {@code [index * 2^level, (index + 1) * 2^level)};
 * level 0 holds the leaf hashes. The hash is copied in and out.
 */
public record MerkleNode(int level, long index, byte[] hash) {

  /** A tree of at most {@code Long.MAX_VALUE} leaves has nodes on levels 0 to 62. */
  public static final int MAX_LEVEL = 62;

  public MerkleNode {
    checkPosition(level, index);
    Objects.requireNonNull(hash, "hash");
    if (hash.length == 0) {
      throw new IllegalArgumentException("a node hash is not empty");
    }
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** Rejects a position that is not on a level 0 to 62 or whose leaves lie beyond a long. */
  public static void checkPosition(int level, long index) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is not between 0 and " + MAX_LEVEL);
    }
    if (index < 0 || index > (Long.MAX_VALUE >> level) - 1) {
      throw new IllegalArgumentException("index " + index + " is out of range on level " + level);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleNode other
        && level == other.level
        && index == other.index
        && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, index, Arrays.hashCode(hash));
  }

  @Override
  public String toString() {
    return "MerkleNode[level="
        + level
        + ", index="
        + index
        + ", hash="
        + ProofHashes.hex(hash)
        + "]";
  }
}
