package org.tanglenode.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only history tree (docs/consensus.md): one RFC 9162 log tree over every confirmed
 * transaction, in confirmation order. Milestones carry its root and size; receipts carry inclusion
 * proofs against it, and consistency proofs show that a later milestone's tree extends an earlier
 * one's.
 *
 * <h2>Node layout</h2>
 *
 * <p>The tree keeps, in a {@link MerkleNodeStore}, the hash of every complete, aligned perfect
 * subtree: node {@code (level, index)} is {@code MTH} of the leaves {@code [index * 2^level, (index
 * + 1) * 2^level)}, and it is stored as soon as the last of those leaves is appended. Level 0 holds
 * the leaf hashes. For {@code n} leaves, level {@code l} holds nodes {@code 0 .. floor(n / 2^l) -
 * 1}, fewer than {@code 2n} nodes in all. Nodes never change once written, so the tree of any
 * earlier size is made of stored nodes too:
 *
 * <pre>
 *   size 6, leaves a..f          level 2:  [abcd]
 *                                level 1:  [ab]   [cd]   [ef]
 *                                level 0:  a  b   c  d   e  f
 *   root(6) = H(0x01 || abcd || ef);  root(5) = H(0x01 || abcd || e)
 * </pre>
 *
 * <p>Any range the RFC recursion visits is a run of at most 63 such perfect subtrees, largest first
 * (one per set bit of its size), so its hash folds them from the right. A root reads {@code
 * bitCount(size)} nodes; an inclusion or consistency proof at most about {@code 2 log2(size)},
 * because only the first step of the walk into a left half asks for the hash of a range that is not
 * one perfect subtree.
 *
 * <h2>Cost and threads</h2>
 *
 * <p>{@link #append} writes the leaf and every node it completes (on average 2 per leaf, at most
 * 63) in one {@link MerkleNodeStore#append} and reads as many left siblings. Appends must come from
 * one thread at a time (the confirmation thread); reads may run beside them if the store is thread
 * safe, since the store publishes nodes no later than the size that needs them.
 */
public final class HistoryTree {

  private final MerkleHasher hasher;
  private final MerkleNodeStore store;

  public HistoryTree(MerkleHasher hasher, MerkleNodeStore store) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** An empty tree on the heap. */
  public static HistoryTree inMemory(MerkleHasher hasher) {
    return new HistoryTree(hasher, new InMemoryMerkleNodeStore());
  }

  public MerkleHasher hasher() {
    return hasher;
  }

  /** The number of leaves. */
  public long size() {
    return store.size();
  }

  /**
   * Appends a leaf hash (made with {@link MerkleHasher#leafHash}) and returns its index.
   *
   * @throws IllegalArgumentException if {@code leafHash} is not a digest of the hasher's function
   */
  public long append(byte[] leafHash) {
    hasher.requireDigest(leafHash, "leaf hash");
    long index = store.size();
    if (index == Long.MAX_VALUE) {
      throw new IllegalStateException("the history tree is full");
    }
    List<MerkleNode> nodes = new ArrayList<>();
    nodes.add(new MerkleNode(0, index, leafHash));
    // While the new node is a right child, it completes its parent.
    byte[] hash = leafHash;
    int level = 0;
    long position = index;
    while ((position & 1) == 1) {
      hash = hasher.nodeHash(node(level, position - 1), hash);
      level++;
      position >>= 1;
      nodes.add(new MerkleNode(level, position, hash));
    }
    store.append(index + 1, nodes);
    return index;
  }

  /** The hash of leaf {@code index}. */
  public byte[] leafHash(long index) {
    if (index < 0 || index >= size()) {
      throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size());
    }
    return node(0, index);
  }

  /** The current root: {@code MTH} of all leaves; the empty root if there are none. */
  public byte[] root() {
    return rangeHash(0, size());
  }

  /** The root of the tree of the first {@code treeSize} leaves, {@code 0 <= treeSize <= size()}. */
  public byte[] root(long treeSize) {
    requireSize(treeSize);
    return rangeHash(0, treeSize);
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of the first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    requireSize(treeSize);
    return InclusionProof.build(this::rangeHash, index, treeSize);
  }

  /**
   * The consistency proof from the tree of the first {@code oldSize} leaves to that of the first
   * {@code newSize}; empty if the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < oldSize <= newSize <= size()} or both are 0
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    requireSize(newSize);
    return ConsistencyProof.build(this::rangeHash, oldSize, newSize);
  }

  private void requireSize(long treeSize) {
    long size = size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is not between 0 and the current size " + size);
    }
  }

  /**
   * {@code MTH(D[from:to])} from stored nodes, for a range whose start is aligned to its size
   * rounded up to a power of two (see {@link SubtreeHashes}): the perfect subtrees of the binary
   * digits of its size, largest first, folded from the right.
   */
  private byte[] rangeHash(long from, long to) {
    long size = to - from;
    if (size == 0) {
      return hasher.emptyRoot();
    }
    int pieces = Long.bitCount(size);
    byte[][] hashes = new byte[pieces][];
    long offset = from;
    long rest = size;
    for (int i = 0; i < pieces; i++) {
      long width = Long.highestOneBit(rest);
      int level = Long.numberOfTrailingZeros(width);
      if (offset % width != 0) {
        throw new IllegalStateException("range [" + from + ", " + to + ") is not aligned");
      }
      hashes[i] = node(level, offset >> level);
      offset += width;
      rest -= width;
    }
    byte[] hash = hashes[pieces - 1];
    for (int i = pieces - 2; i >= 0; i--) {
      hash = hasher.nodeHash(hashes[i], hash);
    }
    return hash;
  }

  private byte[] node(int level, long index) {
    return store
        .get(level, index)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the node store of size "
                        + store.size()
                        + " lacks node (level "
                        + level
                        + ", index "
                        + index
                        + ")"));
  }
}
