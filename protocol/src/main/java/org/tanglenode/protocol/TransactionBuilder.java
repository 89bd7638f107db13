package org.tanglenode.protocol;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.proto.Essence;

/**
 * Builds a transaction in the order the protocol needs: essence, then signatures over its digest,
 * then proof of work over the digest and a nonce. {@code build()} gives an {@link
 * UnsignedTransaction}; signing gives a {@link SignedTransaction}; a nonce completes it.
 *
 * <pre>{@code
 * Transaction tx = new TransactionBuilder(network.shortId())
 *     .parents(tips).timestampMs(clock.millis()).issuer(key.publicKey())
 *     .payload(new Payload.Data(Optional.of(Tag.of("shipment-4711")), digest))
 *     .build().sign(key).complete(nonce);
 * }</pre>
 */
public final class TransactionBuilder {

  private final long network;
  private final TreeSet<TransactionId> parents = new TreeSet<>();
  private Ed25519PublicKey issuer;
  private long timestampMs;
  private Payload payload;

  public TransactionBuilder(long networkShortId) {
    this.network = networkShortId;
  }

  /** Adds parents; they are sorted and de-duplicated as the protocol requires. */
  public TransactionBuilder parents(Collection<TransactionId> ids) {
    parents.addAll(ids);
    return this;
  }

  public TransactionBuilder parent(TransactionId id) {
    parents.add(id);
    return this;
  }

  public TransactionBuilder issuer(Ed25519PublicKey key) {
    this.issuer = key;
    return this;
  }

  public TransactionBuilder timestampMs(long timestampMs) {
    this.timestampMs = timestampMs;
    return this;
  }

  public TransactionBuilder payload(Payload payload) {
    this.payload = payload;
    return this;
  }

  /** A data payload: {@code data} under {@code tag}. */
  public TransactionBuilder data(Tag tag, byte[] data) {
    return payload(new Payload.Data(Optional.ofNullable(tag), data));
  }

  /**
   * The essence, ready to be signed. Checks only what the encoding needs; the rules are the
   * validator's, so a builder can make invalid transactions for tests.
   */
  public UnsignedTransaction build() {
    if (issuer == null) {
      throw new IllegalStateException("the issuer's public key is not set");
    }
    if (payload == null) {
      throw new IllegalStateException("the payload is not set");
    }
    List<ByteString> parentBytes = new ArrayList<>(parents.size());
    for (TransactionId parent : parents) {
      parentBytes.add(ByteString.copyFrom(parent.bytes()));
    }
    Essence.Builder essence =
        Essence.newBuilder()
            .setNetwork(network)
            .setVersion(TransactionValidator.VERSION)
            .addAllParents(parentBytes)
            .setIssuer(ByteString.copyFrom(issuer.bytes()))
            .setTimestampMs(timestampMs);
    PayloadCodec.encode(payload, essence);
    return new UnsignedTransaction(essence.build());
  }
}
