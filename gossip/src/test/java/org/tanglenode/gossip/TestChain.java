package org.tanglenode.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * Builds a small Tangle for tests: data transactions that each approve the previous one (so a node
 * that misses one asks for it), and milestones signed by two of the three committee keys of {@link
 * TestNetwork}, each approving the previous milestone and the data since.
 */
final class TestChain {

  private final Network network;
  private final Ed25519PrivateKey issuer = TestNetwork.key(7);
  private final List<Ed25519PrivateKey> committee = TestNetwork.committeeKeys();
  private final List<Transaction> all = new ArrayList<>();
  private TransactionId tip;
  private TransactionId lastMilestone;
  private int milestoneIndex;
  private long time;
  private int counter;

  TestChain(Network network) {
    this.network = network;
    this.tip = network.rootId();
    this.time = network.genesis().timestampMs() + 1_000;
  }

  /** A data transaction approving the previous one. */
  Transaction data() {
    return data(("record " + counter).getBytes());
  }

  /** A data transaction of {@code size} bytes of data approving the previous one. */
  Transaction data(int size) {
    byte[] data = new byte[size];
    java.util.Arrays.fill(data, (byte) counter);
    return data(data);
  }

  private Transaction data(byte[] data) {
    Transaction tx =
        new TransactionBuilder(network.shortId())
            .parent(tip)
            .issuer(issuer.publicKey())
            .timestampMs(time++)
            .payload(new Payload.Data(Optional.of(Tag.of("test" + counter++)), data))
            .build()
            .sign(issuer)
            .complete(0);
    tip = tx.id();
    all.add(tx);
    return tx;
  }

  /** The next milestone, approving the previous milestone and the latest data. */
  Transaction milestone() {
    milestoneIndex++;
    TransactionBuilder builder =
        new TransactionBuilder(network.shortId())
            .parent(tip)
            .issuer(committee.get(0).publicKey())
            .timestampMs(time++)
            .payload(
                new Payload.Milestone(
                    milestoneIndex,
                    Optional.ofNullable(lastMilestone),
                    new byte[32],
                    new byte[32],
                    all.size()));
    if (lastMilestone != null) {
      builder.parent(lastMilestone);
    }
    Transaction tx = builder.build().sign(committee.get(0)).cosign(committee.get(1)).complete(0);
    lastMilestone = tx.id();
    tip = tx.id();
    all.add(tx);
    return tx;
  }

  List<Transaction> all() {
    return List.copyOf(all);
  }

  List<TransactionId> ids() {
    return all.stream().map(Transaction::id).toList();
  }
}
