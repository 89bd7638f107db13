package org.tanglenode.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable RFC 9162 Merkle tree over a list of leaves held in memory, such as the transactions
 * one milestone newly confirms. Hashes are computed straight from the definition of {@code MTH}
 * (section 2.1.1), so the root costs {@code n - 1} node hashes and each proof up to {@code n}; it
 * is also the reference the {@link HistoryTree} is tested against. Thread safe.
 */
public final class MerkleTree {

  private final MerkleHasher hasher;
  private final List<byte[]> leafHashes;

  private MerkleTree(MerkleHasher hasher, List<byte[]> leafHashes) {
    this.hasher = hasher;
    this.leafHashes = leafHashes;
  }

  /**
   * The tree over leaves already hashed with {@link MerkleHasher#leafHash}.
   *
   * @throws IllegalArgumentException if a leaf hash is not a digest of the hasher's function
   */
  public static MerkleTree ofLeafHashes(MerkleHasher hasher, List<byte[]> leafHashes) {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(leafHashes, "leafHashes");
    List<byte[]> copy = new ArrayList<>(leafHashes.size());
    for (byte[] leafHash : leafHashes) {
      hasher.requireDigest(leafHash, "leaf hash " + copy.size());
      copy.add(leafHash.clone());
    }
    return new MerkleTree(hasher, copy);
  }

  /** The tree over leaves given as data: each leaf is hashed as {@code H(0x00 || data)}. */
  public static MerkleTree ofLeafData(MerkleHasher hasher, List<byte[]> leaves) {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(leaves, "leaves");
    List<byte[]> hashes = new ArrayList<>(leaves.size());
    for (byte[] leaf : leaves) {
      hashes.add(hasher.leafHash(leaf));
    }
    return new MerkleTree(hasher, hashes);
  }

  public int size() {
    return leafHashes.size();
  }

  public byte[] leafHash(int index) {
    return leafHashes.get(index).clone();
  }

  /** {@code MTH(D[n])}: the root of the whole tree; the empty root if it has no leaves. */
  public byte[] root() {
    return mth(0, leafHashes.size());
  }

  /** {@code MTH(D[0:size])}: the root the tree had when it held its first {@code size} leaves. */
  public byte[] root(int size) {
    if (size < 0 || size > leafHashes.size()) {
      throw new IllegalArgumentException(
          "size " + size + " is not between 0 and " + leafHashes.size());
    }
    return mth(0, size);
  }

  /** The inclusion proof of leaf {@code index} in the whole tree. */
  public InclusionProof inclusionProof(int index) {
    return inclusionProof(index, leafHashes.size());
  }

  /** The inclusion proof of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
  public InclusionProof inclusionProof(int index, int treeSize) {
    requireSize(treeSize);
    return InclusionProof.build(this::mth, index, treeSize);
  }

  /**
   * The consistency proof from the tree of the first {@code oldSize} leaves to that of the first
   * {@code newSize}; {@code 0 < oldSize <= newSize <= size()}, or both 0.
   */
  public ConsistencyProof consistencyProof(int oldSize, int newSize) {
    requireSize(newSize);
    return ConsistencyProof.build(this::mth, oldSize, newSize);
  }

  private void requireSize(int treeSize) {
    if (treeSize > leafHashes.size()) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is larger than the tree's " + leafHashes.size() + " leaves");
    }
  }

  /** {@code MTH(D[from:to])}, by the recursive definition. */
  private byte[] mth(long from, long to) {
    long n = to - from;
    if (n == 0) {
      return hasher.emptyRoot();
    }
    if (n == 1) {
      return leafHashes.get((int) from).clone();
    }
    long k = SubtreeHashes.split(n);
    return hasher.nodeHash(mth(from, from + k), mth(from + k, to));
  }
}
