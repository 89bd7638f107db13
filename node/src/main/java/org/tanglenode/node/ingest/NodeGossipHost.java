package org.tanglenode.node.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.GossipHost;
import org.tanglenode.gossip.HistoryProgress;
import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.gossip.OfferResult;
import org.tanglenode.node.view.MilestoneView;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.TransactionStore;

/**
 * What gossip sees of the node: offers go into the {@link IngestPipeline} (answered once stored or
 * refused), look-ups go to storage, milestone indexes come from the {@link MilestoneView}.
 */
public final class NodeGossipHost implements GossipHost {

  private final IngestPipeline ingest;
  private final TransactionStore store;
  private final MilestoneView milestones;
  private final TransactionDecoder decoder;

  public NodeGossipHost(IngestPipeline ingest, TransactionStore store, MilestoneView milestones) {
    this(ingest, store, milestones, new TransactionDecoder(Limits.DEFAULT.maxTransactionBytes()));
  }

  /** As above; {@code decoder} reads the stored milestones' history sizes for catch-up. */
  public NodeGossipHost(
      IngestPipeline ingest,
      TransactionStore store,
      MilestoneView milestones,
      TransactionDecoder decoder) {
    this.ingest = ingest;
    this.store = store;
    this.milestones = milestones;
    this.decoder = decoder;
  }

  @Override
  public CompletionStage<OfferResult> offer(TransactionId id, byte[] bytes, Ed25519PublicKey from) {
    return ingest
        .submit(bytes, id, Source.GOSSIP)
        .thenApply(
            result ->
                switch (result.code()) {
                  case STORED -> OfferResult.ACCEPTED;
                  case DUPLICATE -> OfferResult.DUPLICATE;
                  case INVALID -> {
                    IngestResult.Invalid invalid = (IngestResult.Invalid) result;
                    yield OfferResult.invalid(invalid.reason(), invalid.detail());
                  }
                  case QUEUE_FULL, UNAVAILABLE -> OfferResult.QUEUE_FULL;
                });
  }

  @Override
  public Optional<byte[]> transaction(TransactionId id) {
    return store.transactionBytes(id);
  }

  @Override
  public boolean isKnown(TransactionId id) {
    return store.contains(id);
  }

  @Override
  public Optional<byte[]> milestone(int index) {
    return store.milestone(index).flatMap(store::transactionBytes);
  }

  @Override
  public MilestoneIndexes milestoneIndexes() {
    return milestones.indexes();
  }

  @Override
  public List<byte[]> confirmedRange(long fromLeaf, int count) {
    List<byte[]> out = new ArrayList<>(count);
    for (TransactionId id : store.confirmedIds(fromLeaf, fromLeaf + count)) {
      store.transactionBytes(id).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public HistoryProgress historyProgress() {
    return new HistoryProgress(
        historySize(store.milestoneIndex(MilestoneKind.CONFIRMED)),
        historySize(store.milestoneIndex(MilestoneKind.LATEST)),
        store.transactionCount());
  }

  /** The history size milestone {@code index} commits to; 0 for none or one not readable. */
  private long historySize(int index) {
    if (index < 1) {
      return 0;
    }
    return store
        .milestone(index)
        .flatMap(store::transactionBytes)
        .map(decoder::decode)
        .filter(ValidationResult.Valid.class::isInstance)
        .map(valid -> ((ValidationResult.Valid) valid).transaction().payload())
        .filter(Payload.Milestone.class::isInstance)
        .map(payload -> ((Payload.Milestone) payload).historySize())
        .orElse(0L);
  }
}
