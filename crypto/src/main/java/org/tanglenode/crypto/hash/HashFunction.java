package org.tanglenode.crypto.hash;

/**
 * A cryptographic hash with a fixed digest size. Implementations are stateless and thread-safe;
 * Merkle trees take one as a parameter so the same code runs the node's BLAKE2b-256 trees and the
 * public SHA-256 vectors of RFC 6962.
 */
public interface HashFunction {

  /** Digest size in bytes. */
  int digestSize();

  /** The digest of the concatenation of {@code parts}. */
  byte[] hash(byte[]... parts);

  /** The digest of {@code prefix} followed by {@code parts}, without building the concatenation. */
  byte[] hash(byte prefix, byte[]... parts);

  /** A short name for messages and files, such as {@code BLAKE2b-256}. */
  String name();

  static HashFunction blake2b256() {
    return Blake2b256.INSTANCE;
  }

  static HashFunction sha256() {
    return Sha256.INSTANCE;
  }
}
