package org.tanglenode.protocol.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.IssuerChange;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;

/**
 * Builds trust update transactions for tests: {@code TrustUpdates.on(network).sequence(1)
 * .effective(10).committee(2, keyA, keyB).signedBy(issuer, cosigners...)}. Without proof of work,
 * so for networks of difficulty 0.
 */
public final class TrustUpdates {

  private final Network network;
  private int sequence = 1;
  private int effectiveIndex = 1;
  private Optional<Committee> committee = Optional.empty();
  private final TreeMap<Ed25519PublicKey, String> issuers = new TreeMap<>();
  private long timestampMs;

  private TrustUpdates(Network network) {
    this.network = network;
    this.timestampMs = network.genesis().timestampMs() + 1;
  }

  public static TrustUpdates on(Network network) {
    return new TrustUpdates(network);
  }

  public TrustUpdates sequence(int sequence) {
    this.sequence = sequence;
    return this;
  }

  public TrustUpdates effective(int effectiveIndex) {
    this.effectiveIndex = effectiveIndex;
    return this;
  }

  public TrustUpdates committee(int threshold, Ed25519PrivateKey... keys) {
    List<Ed25519PublicKey> publicKeys = new ArrayList<>();
    for (Ed25519PrivateKey key : keys) {
      publicKeys.add(key.publicKey());
    }
    this.committee = Optional.of(new Committee(publicKeys, threshold));
    return this;
  }

  public TrustUpdates issuer(Ed25519PrivateKey key, String organisation) {
    issuers.put(key.publicKey(), organisation);
    return this;
  }

  public TrustUpdates revoke(Ed25519PrivateKey key) {
    issuers.put(key.publicKey(), "");
    return this;
  }

  public TrustUpdates timestampMs(long timestampMs) {
    this.timestampMs = timestampMs;
    return this;
  }

  public Payload.TrustUpdate payload() {
    List<IssuerChange> changes = new ArrayList<>();
    issuers.forEach((key, organisation) -> changes.add(new IssuerChange(key, organisation)));
    return new Payload.TrustUpdate(sequence, effectiveIndex, committee, changes);
  }

  /** Signed by {@code issuer}, cosigned by each of {@code cosigners} (the issuer skipped). */
  public Transaction signedBy(Ed25519PrivateKey issuer, Ed25519PrivateKey... cosigners) {
    SignedTransaction signed = unsigned(issuer).sign(issuer);
    for (Ed25519PrivateKey cosigner : cosigners) {
      if (!cosigner.publicKey().equals(issuer.publicKey())) {
        signed.cosign(cosigner);
      }
    }
    return signed.complete(0);
  }

  /** The essence with {@code issuer} as issuer, ready to be signed. */
  public org.tanglenode.protocol.UnsignedTransaction unsigned(Ed25519PrivateKey issuer) {
    return new TransactionBuilder(network.shortId())
        .parent(network.rootId())
        .issuer(issuer.publicKey())
        .timestampMs(timestampMs)
        .payload(payload())
        .build();
  }
}
