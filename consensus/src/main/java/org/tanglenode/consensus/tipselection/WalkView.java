package org.tanglenode.consensus.tipselection;

import java.util.List;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;

/**
 * What the weighted random walk ({@link WeightedWalkTipSelector}, {@link CumulativeWeights}) reads
 * of the DAG: parents, approvers and milestones. {@link TangleView} (the simulator's) is one; the
 * node's is {@link SolidDagWalkView}, over storage. The contract of {@link TangleView} applies:
 * solid transactions only, approvers in attachment order, safe for readers with one writer.
 */
public interface WalkView {

  /** The parents of a transaction, in the order of its encoding; empty for the root. */
  List<TransactionId> parents(TransactionId id);

  /** The solid transactions that approve this one directly. */
  List<TransactionId> approvers(TransactionId id);

  /** The latest confirmed milestone; index 0 and the root before the first. */
  MilestoneRef latestMilestone();

  /** The id of the milestone with this index; the root for 0; empty if unknown or pruned. */
  Optional<TransactionId> milestone(int index);
}
