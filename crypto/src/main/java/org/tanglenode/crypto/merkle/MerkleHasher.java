package org.tanglenode.crypto.merkle;

import java.util.Objects;
import org.tanglenode.crypto.hash.HashFunction;

/**
 * The hashes of an RFC 9162 Merkle tree (section 2.1.1): a leaf is {@code H(0x00 || data)}, an
 * inner node {@code H(0x01 || left || right)} and the empty tree {@code H()}. The distinct prefixes
 * keep a leaf from ever being taken for an inner node (second-preimage attacks on the tree). Thread
 * safe: it holds only the hash function and its digest size.
 */
public final class MerkleHasher {

  /** The byte that precedes a leaf's data before hashing. */
  public static final byte LEAF_PREFIX = 0x00;

  /** The byte that precedes two child hashes before hashing. */
  public static final byte NODE_PREFIX = 0x01;

  private final HashFunction hash;
  private final int digestSize;

  public MerkleHasher(HashFunction hash) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.digestSize = hash.digestSize();
  }

  /** The node's trees: BLAKE2b-256. */
  public static MerkleHasher blake2b256() {
    return new MerkleHasher(HashFunction.blake2b256());
  }

  /** The trees of RFC 6962 and Certificate Transparency: SHA-256. */
  public static MerkleHasher sha256() {
    return new MerkleHasher(HashFunction.sha256());
  }

  public HashFunction hashFunction() {
    return hash;
  }

  /** The length in bytes of every hash this hasher makes and accepts. */
  public int digestSize() {
    return digestSize;
  }

  /** The root of the tree with no leaves: the hash of no bytes. */
  public byte[] emptyRoot() {
    return hash.hash();
  }

  /** The hash of the leaf holding {@code data}: {@code H(0x00 || data)}. */
  public byte[] leafHash(byte[] data) {
    Objects.requireNonNull(data, "data");
    return hash.hash(LEAF_PREFIX, data);
  }

  /**
   * The hash of the inner node over two subtrees: {@code H(0x01 || left || right)}.
   *
   * @throws IllegalArgumentException if a child is not a digest of this hash function
   */
  public byte[] nodeHash(byte[] left, byte[] right) {
    requireDigest(left, "left child");
    requireDigest(right, "right child");
    return hash.hash(NODE_PREFIX, left, right);
  }

  /** Whether {@code bytes} has the length of this hasher's digests. */
  boolean isDigest(byte[] bytes) {
    return bytes != null && bytes.length == digestSize;
  }

  void requireDigest(byte[] bytes, String what) {
    if (!isDigest(bytes)) {
      throw new IllegalArgumentException(
          what
              + " must be a "
              + digestSize
              + "-byte "
              + hash.name()
              + " digest, not "
              + (bytes == null ? "null" : bytes.length + " bytes"));
    }
  }

  @Override
  public String toString() {
    return "MerkleHasher[" + hash.name() + "]";
  }
}
