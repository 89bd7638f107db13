package org.tanglenode.protocol;

import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;

/**
 * A decoded transaction together with the exact bytes it was received as. Only {@link
 * TransactionDecoder} makes one, after checking that the bytes are the canonical encoding (or, for
 * bytes the node stored, that they were checked before they were stored), so the id and the fields
 * always agree. Structure, proof of work and signatures are checked by {@link
 * TransactionValidator}; holding a {@code Transaction} does not mean it is valid.
 */
public final class Transaction {

  private final byte[] bytes;
  private final TransactionId id;
  // Null until first asked for when decoded from storage (TransactionDecoder.decodeStored): reads
  // that want the parents or the payload never pay for a BLAKE2b of the essence. Idempotent, so a
  // race only computes it twice; volatile so the array is seen whole.
  private volatile byte[] essenceDigest;
  private final long network;
  private final int version;
  private final List<TransactionId> parents;
  private final Ed25519PublicKey issuer;
  private final long timestampMs;
  private final Payload payload;
  private final long nonce;
  private final Ed25519Signature signature;
  private final List<Cosignature> cosignatures;

  Transaction(
      byte[] bytes,
      TransactionId id,
      byte[] essenceDigest,
      long network,
      int version,
      List<TransactionId> parents,
      Ed25519PublicKey issuer,
      long timestampMs,
      Payload payload,
      long nonce,
      Ed25519Signature signature,
      List<Cosignature> cosignatures) {
    this.bytes = bytes;
    this.id = id;
    this.essenceDigest = essenceDigest;
    this.network = network;
    this.version = version;
    this.parents = parents;
    this.issuer = issuer;
    this.timestampMs = timestampMs;
    this.payload = payload;
    this.nonce = nonce;
    this.signature = signature;
    this.cosignatures = cosignatures;
  }

  /** BLAKE2b-256 of {@link #bytes()}. */
  public TransactionId id() {
    return id;
  }

  /** The encoding exactly as received: what is hashed, stored and forwarded. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  /** BLAKE2b-256 of the essence's encoding: what the signatures and the proof of work cover. */
  public byte[] essenceDigest() {
    byte[] digest = essenceDigest;
    if (digest == null) {
      digest = TransactionDecoder.essenceDigest(bytes);
      essenceDigest = digest;
    }
    return digest.clone();
  }

  /** The network's short id this transaction claims to belong to. */
  public long network() {
    return network;
  }

  public int version() {
    return version;
  }

  /** The approved transactions, sorted ascending. */
  public List<TransactionId> parents() {
    return parents;
  }

  public Ed25519PublicKey issuer() {
    return issuer;
  }

  public long timestampMs() {
    return timestampMs;
  }

  public Payload payload() {
    return payload;
  }

  public Optional<Tag> tag() {
    return payload.tag();
  }

  public long nonce() {
    return nonce;
  }

  public Ed25519Signature signature() {
    return signature;
  }

  public List<Cosignature> cosignatures() {
    return cosignatures;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[" + id + ", " + payload.kind() + ", " + bytes.length + " bytes]";
  }
}
