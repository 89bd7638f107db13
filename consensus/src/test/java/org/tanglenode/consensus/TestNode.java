package org.tanglenode.consensus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.consensus.solidification.OfferOutcome;
import org.tanglenode.consensus.solidification.SolidifierConfig;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.RocksDbSettings;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageConfig;
import org.tanglenode.storage.StoreOutcome;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * One consensus instance on its own RocksDB folder, fed transactions as a node would: a milestone
 * whose committee signatures pass is stored as the milestone of its index, everything else as a
 * plain transaction; each stored transaction is offered to the solidifier.
 */
public final class TestNode implements AutoCloseable {

  final Storage storage;
  final Consensus consensus;
  final List<TransactionId> requested = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<ConfirmationOutcome.Confirmed> confirmations = new CopyOnWriteArrayList<>();

  private TestNode(Network network, Path folder, SolidifierConfig config) {
    StorageConfig storageConfig =
        StorageConfig.defaults(folder)
            .withRocksDb(
                RocksDbSettings.defaults()
                    .withBlockCacheBytes(8L << 20)
                    .withWriteBufferBytes(4L << 20, 32L << 20))
            .withDurability(
                org.tanglenode.storage.Durability.syncEvery(java.time.Duration.ofMillis(50)));
    this.storage = Storage.open(storageConfig, registry, Clock.systemUTC());
    this.consensus =
        Consensus.create(
            network,
            storage.transactions(),
            config,
            id -> requested.add(id),
            registry,
            Clock.systemUTC());
  }

  public static TestNode start(Network network, Path folder) {
    return start(network, folder, SolidifierConfig.defaults());
  }

  public static TestNode start(Network network, Path folder, SolidifierConfig config) {
    TestNode node = new TestNode(network, folder, config);
    node.consensus.confirmer().addListener(node.confirmations::add);
    node.consensus.start();
    return node;
  }

  /** Stores {@code tx} as ingest would, through the milestone gate, not offered onwards. */
  public StoreOutcome storeOnly(Transaction tx) {
    boolean indexAsMilestone = consensus.milestoneGate().mayIndex(tx);
    StorableTransaction storable =
        indexAsMilestone
            ? StorableTransaction.from(tx)
            : new StorableTransaction(
                tx.id(), tx.bytes(), tx.parents(), tx.tag(), tx.timestampMs(), OptionalInt.empty());
    return store().store(storable).join();
  }

  /** Stores {@code tx} as a plain transaction, never indexed as a milestone. */
  public StoreOutcome storeUnindexed(Transaction tx) {
    return store()
        .store(
            new StorableTransaction(
                tx.id(), tx.bytes(), tx.parents(), tx.tag(), tx.timestampMs(), OptionalInt.empty()))
        .join();
  }

  /** Stores {@code tx} indexed as the milestone of its index, unchecked, not offered onwards. */
  public StoreOutcome storeIndexed(Transaction tx) {
    return store().store(StorableTransaction.from(tx)).join();
  }

  /** Stores {@code tx} and offers it to the solidifier. */
  public void receive(Transaction tx) {
    storeOnly(tx);
    OfferOutcome offered = consensus.solidifier().offer(tx.id(), tx.parents());
    if (offered.code() != OfferOutcome.Code.ACCEPTED) {
      throw new AssertionError("the solidifier refused " + tx.id());
    }
  }

  /** A coordinator over this node's confirmer. */
  public org.tanglenode.consensus.milestone.Coordinator coordinatorForTest(
      List<org.tanglenode.crypto.sign.Ed25519PrivateKey> keys,
      org.tanglenode.consensus.milestone.ParentSource parents,
      org.tanglenode.consensus.milestone.TransactionSubmitter submitter,
      java.util.concurrent.ScheduledExecutorService scheduler) {
    return consensus.coordinator(keys, parents, submitter, scheduler);
  }

  public TransactionStore store() {
    return storage.transactions();
  }

  public MilestoneConfirmer confirmer() {
    return consensus.confirmer();
  }

  public Ledger ledger() {
    return consensus.ledger();
  }

  TransactionMetadata metadata(TransactionId id) {
    return store().metadata(id).orElseThrow();
  }

  /** What the ingest gate says of {@code tx}: index it as a milestone now or not (yet). */
  public boolean mayIndex(Transaction tx) {
    return consensus.milestoneGate().mayIndex(tx);
  }

  public MilestoneVerdict signatures(Transaction tx) {
    return consensus.validator().checkSignatures(tx);
  }

  @Override
  public void close() {
    try {
      consensus.close();
    } finally {
      storage.close();
    }
  }
}
