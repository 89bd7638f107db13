package org.tanglenode.crypto.hash;

import org.bouncycastle.crypto.Digest;

/** A {@link HashFunction} over a BouncyCastle digest, which is made fresh for every call. */
abstract class DigestHashFunction implements HashFunction {

  private final String name;

  DigestHashFunction(String name) {
    this.name = name;
  }

  abstract Digest newDigest();

  @Override
  public final int digestSize() {
    return newDigest().getDigestSize();
  }

  @Override
  public final byte[] hash(byte[]... parts) {
    Digest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    return finish(digest);
  }

  @Override
  public final byte[] hash(byte prefix, byte[]... parts) {
    Digest digest = newDigest();
    digest.update(prefix);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    return finish(digest);
  }

  private static byte[] finish(Digest digest) {
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String toString() {
    return name;
  }
}
