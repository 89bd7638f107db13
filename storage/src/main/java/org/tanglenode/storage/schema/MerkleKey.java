package org.tanglenode.storage.schema;

/**
 * A node of the history tree: {@code level} 0 holds leaves, {@code index} counts from the left at
 * that level.
 */
public record MerkleKey(int level, long index) {

  public static final int MAX_LEVEL = 63;

  public MerkleKey {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level must be 0.." + MAX_LEVEL + ", not " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
  }
}
