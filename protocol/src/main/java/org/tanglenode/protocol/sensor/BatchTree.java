package org.tanglenode.protocol.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.merkle.MerkleHasher;

/**
 * The RFC 9162 Merkle tree over one batch of reading leaf hashes, in arrival order, with every
 * level kept so that the root costs {@code n - 1} node hashes and each of the {@code n} audit paths
 * only a lookup per level (the crypto module's {@code MerkleTree} recomputes subtrees per proof,
 * which for a batch of 8,192 readings would cost tens of millions of hashes).
 *
 * <p>Each level pairs the nodes of the level below, left to right; a last node without a partner
 * rises unchanged. This builds exactly the tree of RFC 9162 section 2.1.1 (the left subtree holds
 * the largest power of two below {@code n}), so the root is {@code MTH(D[n])} and a path is {@code
 * PATH(m, D[n])}; {@code BatchTreeTest} checks both against {@code MerkleTree}. Immutable.
 */
public final class BatchTree {

  /** The most leaves a batch tree (and a batch record) holds: 2^20. */
  public static final int MAX_LEAVES = 1 << 20;

  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  /** levels.get(0) are the leaf hashes, the last level holds the root alone. */
  private final List<byte[][]> levels;

  private BatchTree(List<byte[][]> levels) {
    this.levels = levels;
  }

  /** The tree over readings, each hashed as {@link SensorReading#leafHash}. */
  public static BatchTree ofReadings(List<SensorReading> readings) {
    List<byte[]> leaves = new ArrayList<>(readings.size());
    for (SensorReading reading : readings) {
      leaves.add(reading.leafHash());
    }
    return ofLeafHashes(leaves);
  }

  /**
   * The tree over leaf hashes already computed ({@code H(0x00 || reading)}), such as those a
   * gateway stored.
   *
   * @throws IllegalArgumentException for no leaves, more than {@link #MAX_LEAVES}, or a hash that
   *     is not 32 bytes
   */
  public static BatchTree ofLeafHashes(List<byte[]> leafHashes) {
    Objects.requireNonNull(leafHashes, "leafHashes");
    int n = leafHashes.size();
    if (n == 0 || n > MAX_LEAVES) {
      throw new IllegalArgumentException("a batch has 1 to " + MAX_LEAVES + " leaves, not " + n);
    }
    byte[][] level = new byte[n][];
    for (int i = 0; i < n; i++) {
      byte[] leaf = leafHashes.get(i);
      if (leaf == null || leaf.length != HASHER.digestSize()) {
        throw new IllegalArgumentException("leaf hash " + i + " is not 32 bytes");
      }
      level[i] = leaf.clone();
    }
    List<byte[][]> levels = new ArrayList<>();
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < up.length; i++) {
        int left = 2 * i;
        up[i] =
            left + 1 < level.length ? HASHER.nodeHash(level[left], level[left + 1]) : level[left];
      }
      levels.add(up);
      level = up;
    }
    return new BatchTree(List.copyOf(levels));
  }

  public int size() {
    return levels.get(0).length;
  }

  /** {@code MTH(D[n])}. */
  public byte[] root() {
    return levels.get(levels.size() - 1)[0].clone();
  }

  public byte[] leafHash(int index) {
    return levels.get(0)[checkIndex(index)].clone();
  }

  /** The audit path {@code PATH(index, D[n])}, the leaf's sibling first. */
  public List<byte[]> path(int index) {
    int at = checkIndex(index);
    List<byte[]> path = new ArrayList<>(levels.size());
    for (int l = 0; l < levels.size() - 1; l++) {
      byte[][] level = levels.get(l);
      int sibling = at ^ 1;
      // A node without a right partner rises unchanged: that level adds nothing to the path.
      if (sibling < level.length) {
        path.add(level[sibling].clone());
      }
      at >>= 1;
    }
    return List.copyOf(path);
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of a batch of " + size());
    }
    return index;
  }
}
