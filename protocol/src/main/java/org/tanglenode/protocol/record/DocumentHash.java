package org.tanglenode.protocol.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.hash.Blake2b256Hasher;

/**
 * What the ledger keeps of a document: its SHA-256 (what other tools show), its BLAKE2b-256 (the
 * ledger's own hash) and its size. Two hashes, so a weakness found in one does not open a forged
 * document to the other.
 *
 * @param sha256 32 bytes
 * @param blake2b256 32 bytes
 * @param size bytes in the document
 */
public record DocumentHash(byte[] sha256, byte[] blake2b256, long size) {

  private static final HexFormat HEX = HexFormat.of();
  private static final int BUFFER_BYTES = 64 * 1024;

  public DocumentHash {
    if (sha256 == null || sha256.length != 32) {
      throw new IllegalArgumentException("sha256: must be 32 bytes");
    }
    if (blake2b256 == null || blake2b256.length != 32) {
      throw new IllegalArgumentException("blake2b256: must be 32 bytes");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size: must not be negative");
    }
    sha256 = sha256.clone();
    blake2b256 = blake2b256.clone();
  }

  /** Hashes the file at {@code file} in one streaming pass; the file is read, never sent. */
  public static DocumentHash of(Path file) throws IOException {
    MessageDigest sha = sha256Digest();
    Blake2b256Hasher blake = new Blake2b256Hasher();
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        blake.update(buffer, 0, n);
        size += n;
      }
    }
    return new DocumentHash(sha.digest(), blake.finish(), size);
  }

  /** Hashes bytes held in memory, as {@link #of(Path)} hashes a file of these bytes. */
  public static DocumentHash of(byte[] document) {
    return new DocumentHash(
        sha256Digest().digest(document), Blake2b256.digest(document), document.length);
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  @Override
  public byte[] blake2b256() {
    return blake2b256.clone();
  }

  public String sha256Hex() {
    return HEX.formatHex(sha256);
  }

  public String blake2b256Hex() {
    return HEX.formatHex(blake2b256);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentHash other
        && size == other.size
        && Arrays.equals(sha256, other.sha256)
        && Arrays.equals(blake2b256, other.blake2b256);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(sha256) + Long.hashCode(size);
  }

  @Override
  public String toString() {
    return "DocumentHash[sha256=" + sha256Hex() + ", size=" + size + "]";
  }
}
