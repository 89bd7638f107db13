package org.tanglenode.crypto.hash;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Unkeyed BLAKE2b with a 32-byte digest (RFC 7693), the node's hash for ids, proofs and trees. */
public final class Blake2b256 extends DigestHashFunction {

  public static final int DIGEST_SIZE = 32;

  static final Blake2b256 INSTANCE = new Blake2b256();

  private Blake2b256() {
    super("BLAKE2b-256");
  }

  /** The BLAKE2b-256 digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  /** The BLAKE2b-256 digest of {@code length} bytes of {@code data} from {@code offset}. */
  public static byte[] digest(byte[] data, int offset, int length) {
    Blake2bDigest digest = new Blake2bDigest(DIGEST_SIZE * 8);
    digest.update(data, offset, length);
    byte[] out = new byte[DIGEST_SIZE];
    digest.doFinal(out, 0);
    return out;
  }

  @Override
  Digest newDigest() {
    return new Blake2bDigest(DIGEST_SIZE * 8);
  }
}
