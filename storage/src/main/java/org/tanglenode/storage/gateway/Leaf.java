package org.tanglenode.storage.gateway;

import java.util.Arrays;
import java.util.HexFormat;

/** A reading's 32-byte leaf hash, the key of the per-reading index. */
public record Leaf(byte[] hash) {

  public static final int SIZE = 32;

  public Leaf {
    if (hash == null || hash.length != SIZE) {
      throw new IllegalArgumentException("a leaf hash has " + SIZE + " bytes");
    }
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  public String toHex() {
    return HexFormat.of().formatHex(hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Leaf other && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
