package org.tanglenode.node.ingest;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.GossipHost;
import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.gossip.OfferResult;
import org.tanglenode.node.view.MilestoneView;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.TransactionStore;

/**
 * What gossip sees of the node: offers go into the {@link IngestPipeline} (answered once stored or
 * refused), look-ups go to storage, milestone indexes come from the {@link MilestoneView}.
 */
public final class NodeGossipHost implements GossipHost {

  private final IngestPipeline ingest;
  private final TransactionStore store;
  private final MilestoneView milestones;

  public NodeGossipHost(IngestPipeline ingest, TransactionStore store, MilestoneView milestones) {
    this.ingest = ingest;
    this.store = store;
    this.milestones = milestones;
  }

  @Override
  public CompletionStage<OfferResult> offer(TransactionId id, byte[] bytes, Ed25519PublicKey from) {
    return ingest
        .submit(bytes, Source.GOSSIP)
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
}
