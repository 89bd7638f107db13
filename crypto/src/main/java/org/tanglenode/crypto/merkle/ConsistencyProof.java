package org.tanglenode.crypto.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.merkle.ProofVerdict.Code;

/**
 * A consistency proof (RFC 9162 section 2.1.4): {@code PROOF(oldSize, D[newSize])}, the hashes that
 * show the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize} leaves, so a
 * log only ever appended. It is what a verifier checks between two milestones' history roots.
 *
 * <p>The constructor accepts any non-negative sizes so that a proof received from outside can
 * always be built and then rejected by {@link #verify} with a reason. The hashes are copied in and
 * out.
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {

  public ConsistencyProof {
    if (oldSize < 0 || newSize < 0) {
      throw new IllegalArgumentException(
          "tree sizes must not be negative: " + oldSize + ", " + newSize);
    }
    hashes = ProofHashes.copy(hashes);
  }

  /** The hashes of the proof, in the order of RFC 9162; a fresh copy. */
  @Override
  public List<byte[]> hashes() {
    return ProofHashes.copy(hashes);
  }

  /**
   * Checks that {@code oldRoot}, the root of the tree of {@link #oldSize} leaves, and {@code
   * newRoot}, the root of the tree of {@link #newSize} leaves, belong to one append-only log, by
   * the algorithm of RFC 9162 section 2.1.4.2.
   *
   * <p>Equal sizes need an empty proof and equal roots (and the empty root for size 0). A proof
   * from size 0 to a larger size is rejected as {@link Code#EMPTY_OLD_TREE}: RFC 9162 defines none
   * and it would prove nothing. The sizes and lengths are checked before any hashing.
   */
  public ProofVerdict verify(MerkleHasher hasher, byte[] oldRoot, byte[] newRoot) {
    Objects.requireNonNull(hasher, "hasher");
    ProofVerdict lengths =
        ProofHashes.checkLengths(hasher, hashes, oldRoot, "old root", newRoot, "new root");
    if (lengths != null) {
      return lengths;
    }
    if (oldSize > newSize) {
      return ProofVerdict.reject(
          Code.SIZES_OUT_OF_ORDER,
          "the old size " + oldSize + " is larger than the new size " + newSize);
    }
    if (oldSize == newSize) {
      return verifyEqualSizes(hasher, oldRoot, newRoot);
    }
    if (oldSize == 0) {
      return ProofVerdict.reject(
          Code.EMPTY_OLD_TREE,
          "there is no consistency proof from the empty tree: every tree extends it");
    }
    int expected = proofLength(oldSize, newSize);
    if (hashes.size() != expected) {
      return ProofVerdict.reject(
          Code.WRONG_PROOF_LENGTH,
          "a proof from size "
              + oldSize
              + " to "
              + newSize
              + " has "
              + expected
              + " hashes, this one has "
              + hashes.size());
    }
    // When the old size is a power of two, the old tree is a node of the new one and the proof
    // leaves its root out: start from the given old root instead.
    boolean oldTreeIsNode = Long.bitCount(oldSize) == 1;
    int next = oldTreeIsNode ? 0 : 1;
    byte[] fr = oldTreeIsNode ? oldRoot : hashes.get(0);
    byte[] sr = fr;
    // fn walks the last leaf of the old tree up, sn the last leaf of the new tree. First skip
    // the levels on which the old tree's last node is a right child, whose hash the proof
    // starts from.
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    for (int i = next; i < hashes.size(); i++) {
      byte[] c = hashes.get(i);
      if ((fn & 1) == 1 || fn == sn) {
        // c is a left sibling, in both trees.
        fr = hasher.nodeHash(c, fr);
        sr = hasher.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        // c is a right sibling that only the new tree has.
        sr = hasher.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (!MessageDigest.isEqual(fr, oldRoot)) {
      return ProofVerdict.reject(
          Code.OLD_ROOT_MISMATCH,
          "the proof leads to old root "
              + ProofHashes.hex(fr)
              + ", not to the given "
              + ProofHashes.hex(oldRoot));
    }
    if (sn != 0 || !MessageDigest.isEqual(sr, newRoot)) {
      return ProofVerdict.reject(
          Code.NEW_ROOT_MISMATCH,
          "the proof leads to new root "
              + ProofHashes.hex(sr)
              + ", not to the given "
              + ProofHashes.hex(newRoot));
    }
    return ProofVerdict.accept();
  }

  private ProofVerdict verifyEqualSizes(MerkleHasher hasher, byte[] oldRoot, byte[] newRoot) {
    if (!hashes.isEmpty()) {
      return ProofVerdict.reject(
          Code.WRONG_PROOF_LENGTH,
          "a proof between equal sizes is empty, this one has " + hashes.size() + " hashes");
    }
    if (oldSize == 0 && !MessageDigest.isEqual(oldRoot, hasher.emptyRoot())) {
      return ProofVerdict.reject(
          Code.OLD_ROOT_MISMATCH,
          "the tree of size 0 has the empty root, not " + ProofHashes.hex(oldRoot));
    }
    if (!MessageDigest.isEqual(oldRoot, newRoot)) {
      return ProofVerdict.reject(
          Code.ROOT_MISMATCH, "two trees of size " + oldSize + " have different roots");
    }
    return ProofVerdict.accept();
  }

  /** The length of {@code PROOF(oldSize, D[newSize])} for {@code 0 < oldSize < newSize}. */
  static int proofLength(long oldSize, long newSize) {
    int length = Long.bitCount(oldSize) == 1 ? 0 : 1;
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
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
   * {@code PROOF(oldSize, D[newSize]) = SUBPROOF(oldSize, D[newSize], true)} of RFC 9162 section
   * 2.1.4.1, unrolled. Walking down from the root, each split contributes the hash of the half the
   * walk leaves; the walk ends at the subtree whose size is what remains of the old tree, which is
   * listed too unless it is the whole old tree (the flag {@code b} of SUBPROOF). The proof lists
   * the hashes from the bottom up.
   */
  static ConsistencyProof build(SubtreeHashes tree, long oldSize, long newSize) {
    if (oldSize < 0 || oldSize > newSize || (oldSize == 0 && newSize > 0)) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + oldSize + " to size " + newSize);
    }
    List<byte[]> topDown = new ArrayList<>();
    long from = 0;
    long to = newSize;
    long m = oldSize;
    boolean wholeOldTree = true;
    while (true) {
      if (m == to - from) {
        if (!wholeOldTree) {
          topDown.add(tree.hash(from, to));
        }
        break;
      }
      long k = SubtreeHashes.split(to - from);
      if (m <= k) {
        topDown.add(tree.hash(from + k, to));
        to = from + k;
      } else {
        topDown.add(tree.hash(from, from + k));
        from += k;
        m -= k;
        wholeOldTree = false;
      }
    }
    Collections.reverse(topDown);
    return new ConsistencyProof(oldSize, newSize, topDown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsistencyProof other
        && oldSize == other.oldSize
        && newSize == other.newSize
        && ProofHashes.equal(hashes, other.hashes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oldSize, newSize, ProofHashes.hashCode(hashes));
  }

  @Override
  public String toString() {
    return "ConsistencyProof[oldSize="
        + oldSize
        + ", newSize="
        + newSize
        + ", hashes="
        + ProofHashes.hex(hashes)
        + "]";
  }
}
