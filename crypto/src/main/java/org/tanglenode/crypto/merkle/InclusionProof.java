package org.tanglenode.crypto.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.merkle.ProofVerdict.Code;

/**
 * An inclusion proof (RFC 9162 section 2.1.3): the audit path {@code PATH(leafIndex, D[treeSize])},
 * the sibling hashes from the leaf up to the root, that shows a leaf hash is at {@code leafIndex}
 * in the tree of {@code treeSize} leaves with a given root.
 *
 * <p>The constructor accepts any non-negative index and size so that a proof received from outside
 * can always be built and then rejected by {@link #verify} with a reason. The hashes are copied in
 * and out.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {

  public InclusionProof {
    if (leafIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException(
          "leaf index and tree size must not be negative: " + leafIndex + ", " + treeSize);
    }
    hashes = ProofHashes.copy(hashes);
  }

  /** The hashes of the path, leaf's sibling first; a fresh copy. */
  @Override
  public List<byte[]> hashes() {
    return ProofHashes.copy(hashes);
  }

  /**
   * Checks that {@code leafHash} is the leaf at {@link #leafIndex} of the tree of {@link #treeSize}
   * leaves whose root is {@code root}, by the algorithm of RFC 9162 section 2.1.3.2.
   *
   * <p>The sizes and lengths are checked before any hashing, so a malformed proof costs little.
   */
  public ProofVerdict verify(MerkleHasher hasher, byte[] leafHash, byte[] root) {
    Objects.requireNonNull(hasher, "hasher");
    ProofVerdict lengths =
        ProofHashes.checkLengths(hasher, hashes, leafHash, "leaf hash", root, "root");
    if (lengths != null) {
      return lengths;
    }
    if (leafIndex >= treeSize) {
      return ProofVerdict.reject(
          Code.INDEX_OUT_OF_RANGE,
          "leaf index " + leafIndex + " is not below the tree size " + treeSize);
    }
    int expected = pathLength(leafIndex, treeSize);
    if (hashes.size() != expected) {
      return ProofVerdict.reject(
          Code.WRONG_PROOF_LENGTH,
          "leaf "
              + leafIndex
              + " of a tree of "
              + treeSize
              + " needs "
              + expected
              + " hashes, the proof has "
              + hashes.size());
    }
    // fn: the index of the current node in its level; sn: the index of the last node of that
    // level. Where fn is odd or the last of its level, the sibling is on the left.
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : hashes) {
      if ((fn & 1) == 1 || fn == sn) {
        r = hasher.nodeHash(p, r);
        // If fn is even it is the last node of its level with no right sibling: it rises
        // unchanged until it is a right child, and p is its left sibling on that level.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = hasher.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0 || !MessageDigest.isEqual(r, root)) {
      return ProofVerdict.reject(
          Code.ROOT_MISMATCH,
          "the proof leads to root "
              + ProofHashes.hex(r)
              + ", not to the given root "
              + ProofHashes.hex(root));
    }
    return ProofVerdict.accept();
  }

  /** The length of {@code PATH(index, D[size])}: the steps of the verification walk. */
  static int pathLength(long index, long size) {
    long fn = index;
    long sn = size - 1;
    int length = 0;
    while (sn != 0) {
      length++;
      if ((fn & 1) == 0 && fn == sn) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
      fn >>= 1;
      sn >>= 1;
    }
    return length;
  }

  /**
   * {@code PATH(index, D[size])} of RFC 9162 section 2.1.3.1, unrolled: walking down from the root,
   * each split contributes the hash of the half that does not hold the leaf; the path lists them
   * from the bottom up.
   */
  static InclusionProof build(SubtreeHashes tree, long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of " + size + " leaves");
    }
    List<byte[]> topDown = new ArrayList<>();
    long from = 0;
    long to = size;
    while (to - from > 1) {
      long k = SubtreeHashes.split(to - from);
      if (index < from + k) {
        topDown.add(tree.hash(from + k, to));
        to = from + k;
      } else {
        topDown.add(tree.hash(from, from + k));
        from += k;
      }
    }
    Collections.reverse(topDown);
    return new InclusionProof(index, size, topDown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InclusionProof other
        && leafIndex == other.leafIndex
        && treeSize == other.treeSize
        && ProofHashes.equal(hashes, other.hashes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(leafIndex, treeSize, ProofHashes.hashCode(hashes));
  }

  @Override
  public String toString() {
    return "InclusionProof[leafIndex="
        + leafIndex
        + ", treeSize="
        + treeSize
        + ", hashes="
        + ProofHashes.hex(hashes)
        + "]";
  }
}
