package org.tanglenode.crypto.merkle;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link HistoryTree} keeps its nodes: the hashes of complete, aligned perfect subtrees by
 * (level, index), see {@link MerkleNode}, and the number of leaves. Nodes are never changed or
 * removed once written. The storage module persists them in RocksDB; {@link
 * InMemoryMerkleNodeStore} keeps them on the heap.
 *
 * <p>A natural key is the level as one byte followed by the index as 8 bytes big-endian, so the
 * nodes of one level are stored in order.
 */
public interface MerkleNodeStore {

  /** The number of leaves appended so far. */
  long size();

  /** The hash of the node at {@code level} and {@code index}, or empty if it is not stored. */
  Optional<byte[]> get(int level, long index);

  /**
   * Stores the nodes completed by one append and the tree's new size. A persistent store writes
   * them in one atomic batch; a store read by other threads makes the nodes visible no later than
   * the new size, so a reader that sees a size finds every node of it.
   *
   * @param newSize the size after the append: one more than {@link #size()}
   * @param nodes the leaf (level 0) and every node it completes, lowest level first
   */
  void append(long newSize, List<MerkleNode> nodes);
}
