package org.tanglenode.node.view;

import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.TransactionStore;

/**
 * Milestone indexes from storage's in-memory counters (no disk access): storage raises the latest
 * index when it stores a milestone whose committee signatures were checked, and consensus writes
 * the solid and confirmed indexes with the batch that confirms a milestone.
 */
public final class StoreMilestones implements MilestoneView {

  private final TransactionStore store;

  public StoreMilestones(TransactionStore store) {
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
