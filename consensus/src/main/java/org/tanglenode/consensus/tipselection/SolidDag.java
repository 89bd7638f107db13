package org.tanglenode.consensus.tipselection;

import java.util.List;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;

/**
 * What the node's {@link SolidTipPool} and the coordinator read of the stored DAG: parents, solid
 * marks, solid approvers and confirmation. {@link StoredSolidDag} reads storage; tests use maps.
 *
 * <p>The pool relies on one ordering: a transaction's solid mark is readable here before any {@link
 * SolidTipPool#solid} call names it (the solidifier writes the marks, then tells its listeners).
 * Every method is safe to call from several threads.
 */
public interface SolidDag {

  /**
   * The parents of a stored transaction, in the order of its encoding; empty if it is not stored
   * here (the network root, a solid entry point, a pruned or missing transaction).
   */
  Optional<List<TransactionId>> parents(TransactionId id);

  /** Whether a stored transaction is marked solid (false for one not stored). */
  boolean isSolid(TransactionId id);

  /** Whether some stored transaction that approves {@code id} directly is marked solid. */
  boolean hasSolidApprover(TransactionId id);

  /** The stored transactions that approve {@code id} directly and are marked solid. */
  List<TransactionId> solidApprovers(TransactionId id);

  /** The id of the stored milestone of this index; the root for 0; empty if none is stored. */
  Optional<TransactionId> milestone(int index);

  /**
   * Whether a milestone has confirmed {@code id}; true for the network root and solid entry points,
   * where walks into the past stop.
   */
  boolean isConfirmed(TransactionId id);

  /** The latest confirmed milestone; index 0 and the root before the first. */
  MilestoneRef latestMilestone();

  /**
   * The milestone of the index after the latest confirmed one, if it is stored: the coordinator's
   * previous milestone while it is being confirmed.
   */
  Optional<TransactionId> pendingMilestone();
}
