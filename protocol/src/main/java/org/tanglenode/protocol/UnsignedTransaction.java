package org.tanglenode.protocol;

import java.util.Arrays;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.proto.Essence;

/** An essence waiting for its issuer's signature. */
public final class UnsignedTransaction {

  private final Essence essence;
  private final byte[] essenceDigest;

  UnsignedTransaction(Essence essence) {
    this.essence = essence;
    this.essenceDigest = Blake2b256.digest(essence.toByteArray());
  }

  /** What the issuer and every cosigner sign. */
  public byte[] essenceDigest() {
    return essenceDigest.clone();
  }

  /**
   * Signs with the issuer's key.
   *
   * @throws IllegalArgumentException if the key is not the issuer's
   */
  public SignedTransaction sign(Ed25519PrivateKey issuerKey) {
    if (!Arrays.equals(issuerKey.publicKey().bytes(), essence.getIssuer().toByteArray())) {
      throw new IllegalArgumentException("the signing key is not the transaction's issuer");
    }
    return new SignedTransaction(essence, essenceDigest, issuerKey.sign(essenceDigest));
  }
}
