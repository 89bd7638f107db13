package org.tanglenode.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test fixture: random leaves and trees over them, reproducible from the caller's seed. */
final class Leaves {

  private Leaves() {}

  /** {@code n} leaf hashes of random data of 0 to 63 bytes. */
  static List<byte[]> randomLeafHashes(MerkleHasher hasher, Random random, int n) {
    List<byte[]> hashes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[random.nextInt(64)];
      random.nextBytes(data);
      hashes.add(hasher.leafHash(data));
    }
    return hashes;
  }

  static HistoryTree historyTree(MerkleHasher hasher, List<byte[]> leafHashes) {
    HistoryTree tree = HistoryTree.inMemory(hasher);
    leafHashes.forEach(tree::append);
    return tree;
  }

  static byte[] flipBit(byte[] bytes, int bit) {
    byte[] flipped = bytes.clone();
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
    return flipped;
  }

  static List<byte[]> replace(List<byte[]> hashes, int index, byte[] hash) {
    List<byte[]> copy = new ArrayList<>(hashes);
    copy.set(index, hash);
    return copy;
  }
}
