package org.tanglenode.consensus.tipselection;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tanglenode.protocol.TransactionId;

/**
 * What tip selection reads of the DAG: the solid transactions a node holds, their parents and
 * approvers, the tips, and what milestones confirmed. The node implements it over storage; {@link
 * InMemoryTangle} implements it for tests and the simulator.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li><b>Contents.</b> The view holds the root (the network id as a virtual transaction,
 *       confirmed by milestone 0) and solid transactions only: every parent of a transaction in the
 *       view is in the view. A transaction appears together with its approver entries in its
 *       parents, in one step, before any {@link TangleListener} hears of it.
 *   <li><b>Threads.</b> Safe to call from any thread while one writer attaches transactions and
 *       confirms milestones. Each call sees a consistent state; two calls may see different ones.
 *   <li><b>Cost.</b> Every method but {@link #tips()} is O(1) in the size of the DAG: a lookup by
 *       id plus the size of the answer (a key-value read or a cache hit for storage). {@link
 *       #tips()} is O(number of tips) and meant for seeding a tip pool at start-up, not for each
 *       selection.
 *   <li><b>Unknown ids.</b> Methods taking an id throw {@link UnknownTransactionException} for an
 *       id the view does not hold.
 *   <li><b>Lists</b> returned are immutable snapshots and never null.
 * </ul>
 */
public interface TangleView extends WalkView {

  /** The id of the root, the network id; it has no parents and is confirmed by milestone 0. */
  TransactionId rootId();

  /** Whether the view holds this transaction (the root included). */
  boolean contains(TransactionId id);

  /** The parents of a transaction, in the order of its encoding; empty for the root. */
  @Override
  List<TransactionId> parents(TransactionId id);

  /** The transactions in the view that approve this one directly, in attachment order. */
  @Override
  List<TransactionId> approvers(TransactionId id);

  /**
   * The tips: transactions in the view that no transaction in the view approves, in attachment
   * order. O(number of tips); for seeding a tip pool, not for each selection.
   */
  List<TransactionId> tips();

  /** The index of the milestone that confirmed the transaction, empty if none has; 0 for root. */
  OptionalInt confirmingMilestone(TransactionId id);

  /**
   * How far back the transaction's past cone reaches: see {@link ConeRootIndexes}. Kept current as
   * milestones confirm parts of the past cone (the values of an unconfirmed transaction can only
   * grow).
   */
  ConeRootIndexes coneRootIndexes(TransactionId id);

  /** The latest milestone that the view has confirmed; index 0 and the root before the first. */
  @Override
  MilestoneRef latestMilestone();

  /**
   * The id of the milestone with this index; the root for 0; empty if the view has no milestone of
   * that index (not yet, or pruned).
   */
  @Override
  Optional<TransactionId> milestone(int index);
}
