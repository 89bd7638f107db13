package org.tanglenode.crypto.sign;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032, with its public key derived once. Its
 * {@link #toString()} never shows the seed, so a key that reaches a log line leaks nothing.
 */
public final class Ed25519PrivateKey {

  public static final int SIZE = 32;

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    byte[] pk = new byte[Ed25519PublicKey.SIZE];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    this.publicKey = new Ed25519PublicKey(pk);
  }

  /** The key whose seed is {@code seed} (32 bytes); the array is copied. */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed == null || seed.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 seed has " + SIZE + " bytes, not " + (seed == null ? 0 : seed.length));
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  /** A new key from {@code random}, which must be a cryptographically strong source. */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[SIZE];
    random.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** A copy of the seed, for writing a key file; never log it. */
  public byte[] seed() {
    return seed.clone();
  }

  /** The signature of {@code message} (pure Ed25519, RFC 8032 section 5.1.6). */
  public Ed25519Signature sign(byte[] message) {
    byte[] signature = new byte[Ed25519Signature.SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
    return new Ed25519Signature(signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PrivateKey other && Arrays.equals(seed, other.seed);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[public=" + publicKey.toHex() + "]";
  }
}
