package org.tanglenode.crypto.merkle;

/**
 * Where proof generation gets {@code MTH(D[from:to])}: from a list of leaf hashes ({@link
 * MerkleTree}) or from stored perfect subtrees ({@link HistoryTree}), so both build proofs with the
 * same code.
 *
 * <p>The RFC recursion only asks for ranges that it reaches by splitting {@code [0, n)} at the
 * largest power of two below the range's size. In every such range, {@code from} is a multiple of
 * the smallest power of two that is at least {@code to - from}, and the range is a perfect subtree
 * unless it is the right part of some split.
 */
@FunctionalInterface
interface SubtreeHashes {

  byte[] hash(long from, long to);

  /**
   * The largest power of two smaller than {@code size}, where RFC 9162 splits a tree of size > 1.
   */
  static long split(long size) {
    return Long.highestOneBit(size - 1);
  }
}
