package org.tanglenode.crypto.pow;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Reusable buffers for hashing one essence digest with many nonces: the 40-byte input, the output
 * and a BLAKE2b state. Not thread-safe; each solver worker owns one, and {@link ProofOfWork} keeps
 * one per thread.
 */
final class PowHasher {

  private final Blake2bDigest blake2b = new Blake2bDigest(ProofOfWork.DIGEST_SIZE * 8);
  private final byte[] input = new byte[ProofOfWork.INPUT_SIZE];
  private final byte[] output = new byte[ProofOfWork.DIGEST_SIZE];

  /** Sets the essence digest that the following nonces are hashed with. */
  void setDigest(byte[] digest) {
    ProofOfWork.checkDigest(digest);
    System.arraycopy(digest, 0, input, 0, ProofOfWork.DIGEST_SIZE);
  }

  /** The number of leading zero bits of the hash of the current digest and {@code nonce}. */
  int leadingZeroBits(long nonce) {
    int at = ProofOfWork.DIGEST_SIZE;
    for (int shift = 56; shift >= 0; shift -= 8) {
      input[at++] = (byte) (nonce >>> shift);
    }
    blake2b.update(input, 0, input.length);
    blake2b.doFinal(output, 0);
    return ProofOfWork.leadingZeroBits(output);
  }
}
