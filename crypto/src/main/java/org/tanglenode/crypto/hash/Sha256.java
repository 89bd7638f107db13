package org.tanglenode.crypto.hash;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256, used to run the public RFC 6962 vectors and to fingerprint anchored files. */
public final class Sha256 extends DigestHashFunction {

  public static final int DIGEST_SIZE = 32;

  static final Sha256 INSTANCE = new Sha256();

  private Sha256() {
    super("SHA-256");
  }

  /** The SHA-256 digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    return INSTANCE.hash(data);
  }

  @Override
  Digest newDigest() {
    return new SHA256Digest();
  }
}
