package org.tanglenode.crypto.pow;

/**
 * The hashcash check of the protocol. The input is the 32-byte essence digest followed by the
 * 8-byte nonce in big-endian order; the hash is the BLAKE2b-256 of those 40 bytes; a nonce meets
 * difficulty {@code d} (0..255) when the first {@code d} bits of the hash are zero, counting from
 * the most significant bit of byte 0. Checking costs one BLAKE2b compression, so a node can verify
 * before anything expensive; the fixed short input means proof of work can be done after signing.
 *
 * <p>The static methods are thread-safe and allocate nothing per call beyond BouncyCastle's
 * internals: each thread reuses one hasher (thread-confined scratch buffers, never shared state).
 */
public final class ProofOfWork {

  /** Size of the essence digest and of the hash. */
  public static final int DIGEST_SIZE = 32;

  /** Size of the hashed input: digest and nonce. */
  public static final int INPUT_SIZE = DIGEST_SIZE + Long.BYTES;

  /** The largest difficulty; 256 would ask for an all-zero hash. */
  public static final int MAX_DIFFICULTY = 255;

  private static final ThreadLocal<PowHasher> HASHERS = ThreadLocal.withInitial(PowHasher::new);

  private ProofOfWork() {}

  /**
   * The number of leading zero bits (0..256) of the hash of {@code digest} and {@code nonce}.
   *
   * @throws IllegalArgumentException if {@code digest} does not have 32 bytes
   */
  public static int leadingZeroBits(byte[] digest, long nonce) {
    PowHasher hasher = HASHERS.get();
    hasher.setDigest(digest);
    return hasher.leadingZeroBits(nonce);
  }

  /**
   * Whether {@code nonce} meets {@code difficulty} for {@code digest}. Difficulty 0 accepts any
   * nonce.
   *
   * @throws IllegalArgumentException if {@code digest} does not have 32 bytes or {@code difficulty}
   *     is not 0..255
   */
  public static boolean meets(byte[] digest, long nonce, int difficulty) {
    checkDifficulty(difficulty);
    return leadingZeroBits(digest, nonce) >= difficulty;
  }

  /** The number of leading zero bits of {@code hash}, most significant bit of byte 0 first. */
  static int leadingZeroBits(byte[] hash) {
    int bits = 0;
    for (byte b : hash) {
      if (b != 0) {
        return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
      }
      bits += 8;
    }
    return bits;
  }

  static void checkDigest(byte[] digest) {
    if (digest == null || digest.length != DIGEST_SIZE) {
      throw new IllegalArgumentException(
          "an essence digest has "
              + DIGEST_SIZE
              + " bytes, not "
              + (digest == null ? 0 : digest.length));
    }
  }

  static void checkDifficulty(int difficulty) {
    if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
      throw new IllegalArgumentException(
          "a difficulty is 0.." + MAX_DIFFICULTY + ", not " + difficulty);
    }
  }
}
