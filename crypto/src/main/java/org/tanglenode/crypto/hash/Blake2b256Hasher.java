package org.tanglenode.crypto.hash;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b-256 over input given in pieces (a file read in blocks, a snapshot as it is written), with
 * the same digest as {@link Blake2b256#digest(byte[])} of the pieces joined. One use: after {@link
 * #finish()} the hasher is reset and starts over.
 */
public final class Blake2b256Hasher {

  private final Blake2bDigest digest = new Blake2bDigest(Blake2b256.DIGEST_SIZE * 8);

  public Blake2b256Hasher update(byte[] data, int offset, int length) {
    digest.update(data, offset, length);
    return this;
  }

  public Blake2b256Hasher update(byte[] data) {
    return update(data, 0, data.length);
  }

  public Blake2b256Hasher update(byte b) {
    digest.update(b);
    return this;
  }

  /** The 32-byte digest of everything given since creation or the last {@code finish}. */
  public byte[] finish() {
    byte[] out = new byte[Blake2b256.DIGEST_SIZE];
    digest.doFinal(out, 0);
    return out;
  }
}
