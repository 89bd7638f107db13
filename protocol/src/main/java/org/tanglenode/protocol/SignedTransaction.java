package org.tanglenode.protocol;

import com.google.protobuf.ByteString;
import java.util.TreeMap;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.proto.Essence;
import org.tanglenode.protocol.proto.Signature;

/**
 * A signed essence: cosignatures may still be added, and proof of work is done over {@link
 * #essenceDigest()} before {@link #complete(long)} gives the transaction.
 */
public final class SignedTransaction {

  private final Essence essence;
  private final byte[] essenceDigest;
  private final Ed25519Signature signature;
  private final TreeMap<Ed25519PublicKey, Ed25519Signature> cosignatures = new TreeMap<>();

  SignedTransaction(Essence essence, byte[] essenceDigest, Ed25519Signature signature) {
    this.essence = essence;
    this.essenceDigest = essenceDigest;
    this.signature = signature;
  }

  /**
   * Reopens a finished transaction to add cosignatures, keeping its essence, the issuer's signature
   * and the cosignatures it has. Its nonce stays valid: proof of work covers only the essence
   * digest, so {@code complete(tx.nonce())} gives it back with the new cosignatures (and a new id).
   */
  public static SignedTransaction reopen(Transaction tx) {
    org.tanglenode.protocol.proto.Transaction message;
    try {
      message = org.tanglenode.protocol.proto.Transaction.parseFrom(tx.bytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("a decoded transaction parses again", e);
    }
    SignedTransaction signed =
        new SignedTransaction(message.getEssence(), tx.essenceDigest(), tx.signature());
    tx.cosignatures().forEach(signed::addCosignature);
    return signed;
  }

  public byte[] essenceDigest() {
    return essenceDigest.clone();
  }

  /** Adds the signature of {@code key} over the essence digest. */
  public SignedTransaction cosign(Ed25519PrivateKey key) {
    return addCosignature(new Cosignature(key.publicKey(), key.sign(essenceDigest)));
  }

  /** Adds a signature made elsewhere, such as by another committee member. */
  public SignedTransaction addCosignature(Cosignature cosignature) {
    cosignatures.put(cosignature.publicKey(), cosignature.signature());
    return this;
  }

  /** The encoded transaction with {@code nonce}, cosignatures sorted by key. */
  public byte[] encode(long nonce) {
    org.tanglenode.protocol.proto.Transaction.Builder tx =
        org.tanglenode.protocol.proto.Transaction.newBuilder()
            .setEssence(essence)
            .setNonce(nonce)
            .setSignature(ByteString.copyFrom(signature.bytes()));
    cosignatures.forEach(
        (key, sig) ->
            tx.addCosignatures(
                Signature.newBuilder()
                    .setPublicKey(ByteString.copyFrom(key.bytes()))
                    .setSignature(ByteString.copyFrom(sig.bytes()))));
    return tx.build().toByteArray();
  }

  /**
   * The transaction with {@code nonce}, decoded from its encoding, so it is exactly what a peer
   * would see. Not validated: pass {@link Transaction#bytes()} to a validator for that.
   *
   * @throws IllegalStateException if the fields cannot form a transaction at all (for example a
   *     malformed payload)
   */
  public Transaction complete(long nonce) {
    ValidationResult decoded = new TransactionDecoder(Integer.MAX_VALUE).decode(encode(nonce));
    if (decoded instanceof ValidationResult.Valid valid) {
      return valid.transaction();
    }
    ValidationResult.Invalid invalid = (ValidationResult.Invalid) decoded;
    throw new IllegalStateException(
        "cannot form a transaction: " + invalid.reason() + ": " + invalid.detail());
  }
}
