package org.tanglenode.crypto.sign;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key: 32 bytes as RFC 8032 encodes it. Not checked to be a curve point. */
public record Ed25519PublicKey(byte[] bytes) implements Comparable<Ed25519PublicKey> {

  public static final int SIZE = 32;

  public Ed25519PublicKey {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has "
              + SIZE
              + " bytes, not "
              + (bytes == null ? 0 : bytes.length));
    }
    bytes = bytes.clone();
  }

  public static Ed25519PublicKey fromHex(String hex) {
    return new Ed25519PublicKey(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Whether {@code signature} is a valid pure Ed25519 signature of {@code message} by this key.
   * BouncyCastle's RFC 8032 code rejects a non-canonical S (S >= L) and encodings that are not
   * points, so a signature cannot be altered into a second valid one.
   */
  public boolean verify(byte[] message, Ed25519Signature signature) {
    return verify(message, 0, message.length, signature);
  }

  /**
   * As {@link #verify(byte[], Ed25519Signature)}, over {@code length} bytes from {@code offset}.
   */
  public boolean verify(byte[] message, int offset, int length, Ed25519Signature signature) {
    return Ed25519.verify(signature.unsafeBytes(), 0, bytes, 0, message, offset, length);
  }

  /** The bytes themselves, not a copy: for this package's code, which must not modify them. */
  byte[] unsafeBytes() {
    return bytes;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(Ed25519PublicKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
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
