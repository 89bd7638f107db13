package org.tanglenode.node.view;

import org.tanglenode.gossip.MilestoneIndexes;

/**
 * The node's milestone state as gossip heartbeats, node info and readiness need it: {@link
 * StoreMilestones} reads storage's counters, which storage (latest) and consensus (solid,
 * confirmed) keep.
 */
public interface MilestoneView {

  /** Latest and solid milestone. Cheap and non-blocking (called on event loops). */
  MilestoneIndexes indexes();

  /** The highest confirmed milestone, 0 if none. */
  int confirmedMilestone();
}
