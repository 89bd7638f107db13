package org.tanglenode.protocol;

import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;

/** A further signature over a transaction's essence digest: a committee member, a co-owner. */
public record Cosignature(Ed25519PublicKey publicKey, Ed25519Signature signature) {

  public Cosignature {
    if (publicKey == null || signature == null) {
      throw new IllegalArgumentException("a cosignature needs a public key and a signature");
    }
  }
}
