package org.tanglenode.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanglenode.consensus.ledger.LedgerAddress;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Allocation;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * Builds a test network with allocations and deterministic transactions on it: data, transfers
 * signed by owners, and milestones signed by committee keys. Proof of work is off; nonces are
 * fixed, so equal inputs give equal ids.
 */
public final class TangleFixture {

  /** Genesis time of the fixture network (TestNetwork's). */
  public static final long T0 = TestNetwork.GENESIS_TIME_MS;

  private final Network network;
  private long nextTimestamp = T0 + 1_000;
  private int dataCounter;

  private TangleFixture(Network network) {
    this.network = network;
  }

  /** Committee keys 101..103 with threshold 2; key 1 owns 1,000 and key 2 owns 500 at genesis. */
  public static TangleFixture create() {
    Genesis genesis =
        new Genesis(
            "consensus-test",
            "tst",
            0,
            1_000,
            T0,
            new Committee(
                TestNetwork.committeeKeys().stream().map(Ed25519PrivateKey::publicKey).toList(), 2),
            Limits.DEFAULT,
            List.of(
                new Allocation(address(1).bytes(), 1_000),
                new Allocation(address(2).bytes(), 500)));
    return new TangleFixture(GenesisFile.parse(GenesisFile.encode(genesis)));
  }

  public Network network() {
    return network;
  }

  public TransactionId root() {
    return network.rootId();
  }

  public static Ed25519PrivateKey key(int n) {
    return TestNetwork.key(n);
  }

  public static LedgerAddress address(int keyNumber) {
    return LedgerAddress.of(key(keyNumber).publicKey());
  }

  /** Genesis allocation {@code i}. */
  public OutputRef allocation(int i) {
    return new OutputRef(root(), i);
  }

  public Transaction data(TransactionId... parents) {
    Ed25519PrivateKey key = key(9);
    byte[] payload = ("record " + dataCounter++).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return builder(key, parents)
        .payload(new Payload.Data(Optional.of(Tag.of("trail")), payload))
        .build()
        .sign(key)
        .complete(0);
  }

  /** A single-owner output of {@code amount} to key {@code owner}. */
  public static Output to(int owner, long amount) {
    return new Output(amount, List.of(address(owner).bytes()), 1, 0);
  }

  /** An output of {@code amount} to {@code threshold} of keys {@code owners}, with a timelock. */
  public static Output toMany(long amount, int threshold, long timelockMs, int... owners) {
    List<byte[]> addresses = new ArrayList<>();
    for (int owner : owners) {
      addresses.add(address(owner).bytes());
    }
    addresses.sort(java.util.Arrays::compareUnsigned);
    return new Output(amount, addresses, threshold, timelockMs);
  }

  /** A transfer issued by key {@code issuer} and cosigned by {@code cosigners}. */
  public Transaction transfer(
      List<TransactionId> parents,
      List<OutputRef> inputs,
      List<Output> outputs,
      int issuer,
      int... cosigners) {
    Ed25519PrivateKey key = key(issuer);
    SignedTransaction signed =
        builder(key, parents.toArray(TransactionId[]::new))
            .payload(new Payload.Transfer(inputs, outputs, Optional.empty()))
            .build()
            .sign(key);
    for (int cosigner : cosigners) {
      signed.cosign(key(cosigner));
    }
    return signed.complete(0);
  }

  /** A milestone carrying {@code c}, issued by committee key 101 and cosigned by 102. */
  public Transaction milestone(List<TransactionId> parents, Payload.Milestone c) {
    return milestone(parents, c, List.of(key(101), key(102)));
  }

  /** A milestone carrying {@code payload}, signed by {@code signers} (the first is the issuer). */
  public Transaction milestone(
      List<TransactionId> parents, Payload.Milestone payload, List<Ed25519PrivateKey> signers) {
    Ed25519PrivateKey issuer = signers.get(0);
    SignedTransaction signed =
        builder(issuer, parents.toArray(TransactionId[]::new))
            .payload(payload)
            .build()
            .sign(issuer);
    for (Ed25519PrivateKey cosigner : signers.subList(1, signers.size())) {
      signed.cosign(cosigner);
    }
    return signed.complete(0);
  }

  /** Sets the timestamp of the next transaction built. */
  public void timestamp(long timestampMs) {
    nextTimestamp = timestampMs;
  }

  private TransactionBuilder builder(Ed25519PrivateKey key, TransactionId... parents) {
    return new TransactionBuilder(network.shortId())
        .parents(List.of(parents))
        .issuer(key.publicKey())
        .timestampMs(nextTimestamp++);
  }
}
