package org.tanglenode.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.crypto.hash.Blake2b256;

/**
 * A transaction's id: the BLAKE2b-256 of its bytes exactly as received. Ordered as unsigned bytes.
 */
public record TransactionId(byte[] bytes) implements Comparable<TransactionId> {

  public static final int SIZE = 32;

  public TransactionId {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "a transaction id has " + SIZE + " bytes, not " + (bytes == null ? 0 : bytes.length));
    }
    bytes = bytes.clone();
  }

  /** The id of a transaction whose encoding is {@code transactionBytes}. */
  public static TransactionId of(byte[] transactionBytes) {
    return new TransactionId(Blake2b256.digest(transactionBytes));
  }

  /** Parses 64 hexadecimal digits. */
  public static TransactionId fromHex(String hex) {
    if (hex == null || hex.length() != SIZE * 2) {
      throw new IllegalArgumentException("a transaction id is " + SIZE * 2 + " hex digits");
    }
    return new TransactionId(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code target} at {@code offset}, without an intermediate copy. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(TransactionId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // The bytes are a uniform hash already; four of them make a good hash code.
    return (bytes[0] & 0xff) << 24
        | (bytes[1] & 0xff) << 16
        | (bytes[2] & 0xff) << 8
        | bytes[3] & 0xff;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
