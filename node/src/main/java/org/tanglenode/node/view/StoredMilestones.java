package org.tanglenode.node.view;

import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.TransactionStore;

/**
 * PLACEHOLDER milestone view until consensus: storage's in-memory counters (no disk access). The
 * latest index is raised by storage when a milestone transaction is stored; solid and confirmed
 * move only when consensus writes them.
 */
public final class StoredMilestones implements MilestoneView {

  private final TransactionStore store;

  public StoredMilestones(TransactionStore store) {
    this.store = store;
  }

  @Override
  public MilestoneIndexes indexes() {
    int latest = store.milestoneIndex(MilestoneKind.LATEST);
    int solid = Math.min(latest, store.milestoneIndex(MilestoneKind.SOLID));
    return new MilestoneIndexes(latest, solid);
  }

  @Override
  public int confirmedMilestone() {
    return store.milestoneIndex(MilestoneKind.CONFIRMED);
  }
}
