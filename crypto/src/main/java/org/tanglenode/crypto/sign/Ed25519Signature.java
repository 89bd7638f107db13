package org.tanglenode.crypto.sign;

import java.util.Arrays;
import java.util.HexFormat;

/** An Ed25519 signature: 64 bytes, R followed by S, as RFC 8032 encodes it. */
public record Ed25519Signature(byte[] bytes) {

  public static final int SIZE = 64;

  public Ed25519Signature {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 signature has " + SIZE + " bytes, not " + (bytes == null ? 0 : bytes.length));
    }
    bytes = bytes.clone();
  }

  public static Ed25519Signature fromHex(String hex) {
    return new Ed25519Signature(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
