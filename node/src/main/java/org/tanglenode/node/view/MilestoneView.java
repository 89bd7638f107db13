package org.tanglenode.node.view;

import org.tanglenode.gossip.MilestoneIndexes;

/**
 * The node's milestone state as gossip heartbeats, node info and readiness need it. Until the
 * consensus module lands, {@link StoredMilestones} reads storage's counters: the latest milestone
 * stored is real, but nothing makes milestones solid or confirmed yet, so both stay at what storage
 * holds (0 on a fresh node).
 */
public interface MilestoneView {

  /** Latest and solid milestone. Cheap and non-blocking (called on event loops). */
  MilestoneIndexes indexes();

  /** The highest confirmed milestone, 0 if none. */
  int confirmedMilestone();
}
