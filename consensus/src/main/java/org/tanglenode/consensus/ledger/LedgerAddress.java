package org.tanglenode.consensus.ledger;

import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/** An address: the 32-byte BLAKE2b-256 of an Ed25519 public key. Copied in and out. */
public record LedgerAddress(byte[] bytes) implements Comparable<LedgerAddress> {

  public static final int SIZE = 32;

  public LedgerAddress {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException("an address has " + SIZE + " bytes");
    }
    bytes = bytes.clone();
  }

  /** The address of {@code key}. */
  public static LedgerAddress of(Ed25519PublicKey key) {
    return new LedgerAddress(Blake2b256.digest(key.bytes()));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int compareTo(LedgerAddress other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
