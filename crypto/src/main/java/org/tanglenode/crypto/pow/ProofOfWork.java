package org.tanglenode.crypto.pow;

import org.tanglenode.crypto.hash.Blake2b256;

public final class ProofOfWork {
  private ProofOfWork() {}

  public static int leadingZeroBits(byte[] digest, long nonce) {
    byte[] in = new byte[40];
    System.arraycopy(digest, 0, in, 0, 32);
    for (int i = 0; i < 8; i++) in[32 + i] = (byte) (nonce >>> (56 - 8 * i));
    byte[] h = Blake2b256.digest(in);
    int n = 0;
    for (byte b : h) {
      if (b == 0) { n += 8; continue; }
      return n + Integer.numberOfLeadingZeros(b & 0xff) - 24;
    }
    return n;
  }

  public static boolean meets(byte[] digest, long nonce, int difficulty) {
    return leadingZeroBits(digest, nonce) >= difficulty;
  }
}
