package org.tanglenode.consensus.tipselection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;

/**
 * The node's {@link WalkView}: the solid part of the stored DAG, read through {@link SolidDag}
 * (storage). Approvers are the stored approvers marked solid, so a walk ends on a transaction
 * without a solid child, which is what the tip pool holds.
 */
public final class SolidDagWalkView implements WalkView {

  private final SolidDag dag;

  public SolidDagWalkView(SolidDag dag) {
    this.dag = Objects.requireNonNull(dag, "dag");
  }

  @Override
  public List<TransactionId> parents(TransactionId id) {
    return dag.parents(id).orElse(List.of());
  }

  @Override
  public List<TransactionId> approvers(TransactionId id) {
    return dag.solidApprovers(id);
  }

  @Override
  public MilestoneRef latestMilestone() {
    return dag.latestMilestone();
  }

  @Override
  public Optional<TransactionId> milestone(int index) {
    return dag.milestone(index);
  }
}
