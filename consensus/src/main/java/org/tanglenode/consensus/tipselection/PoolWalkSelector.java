package org.tanglenode.consensus.tipselection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.solidification.SolidListener;
import org.tanglenode.protocol.TransactionId;

/**
 * The node's weighted random walk ({@code tips.selector: weighted}): {@link
 * WeightedWalkTipSelector} over the stored solid DAG, restricted to the tips the {@link
 * SolidTipPool} would choose.
 *
 * <p>Each parent is the end of one walk from the milestone {@code startDepth} below the latest,
 * stepping to solid approvers with the whitepaper's weighting. A walk counts only if it ends on a
 * tip that is in the pool and not lazy ({@link SolidTipPool#isSelectable}): the pool's
 * below-max-depth rule holds for both selectors, and a transaction outside the pool (evicted, or
 * solid but not yet named to it) is never taken. Walks that end elsewhere, take more than {@code
 * maxSteps} steps (a long chain above the start), or cannot start (the start milestone pruned) are
 * repeated, at most {@value WeightedWalkTipSelector#WALKS_PER_PARENT} per parent; the places left
 * are filled by the pool's uniform selection. So selection never fails for want of tips and costs
 * at most {@code count x 4 x maxSteps} approver reads.
 *
 * <p>Cumulative weights are kept by {@link CumulativeWeights} with a window of at most {@code
 * maxWindow} transactions, updated as the solidifier names transactions solid (this is a {@link
 * SolidListener}, on the storage writer's thread): O(past cone inside the window) per transaction,
 * at most {@code maxWindow}. The pool stays the set of tips either way; only the choice among them
 * differs.
 */
public final class PoolWalkSelector implements SolidListener, ParentSelector {

  private static final Logger LOG = LoggerFactory.getLogger(PoolWalkSelector.class);

  /** Default bound on the weights' window, in transactions. */
  public static final int DEFAULT_MAX_WINDOW = 20_000;

  /** Default bound on one walk's steps. */
  public static final int DEFAULT_MAX_STEPS = 5_000;

  private final SolidTipPool pool;
  private final SolidDag dag;
  private final WeightedWalkTipSelector walker;
  private final long maxSteps;

  private long walksToTips;
  private long walksElsewhere;
  private long uniformFills;

  public PoolWalkSelector(
      SolidTipPool pool,
      SolidDag dag,
      double alpha,
      int startDepth,
      int maxWindow,
      long maxSteps,
      RandomGenerator random) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.dag = Objects.requireNonNull(dag, "dag");
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps is >= 1, got " + maxSteps);
    }
    this.maxSteps = maxSteps;
    WalkView view = new SolidDagWalkView(dag);
    this.walker =
        new WeightedWalkTipSelector(
            view, new CumulativeWeights(view, startDepth, maxWindow), alpha, random);
  }

  /** With the defaults: alpha 0.001, start 5 milestones deep, window 20,000, walks 5,000 steps. */
  public static PoolWalkSelector withDefaults(
      SolidTipPool pool, SolidDag dag, RandomGenerator random) {
    return new PoolWalkSelector(
        pool,
        dag,
        WeightedWalkTipSelector.DEFAULT_ALPHA,
        WeightedWalkTipSelector.DEFAULT_START_DEPTH,
        DEFAULT_MAX_WINDOW,
        DEFAULT_MAX_STEPS,
        random);
  }

  @Override
  public void solid(List<TransactionId> ids) {
    for (TransactionId id : ids) {
      Optional<List<TransactionId>> parents = dag.parents(id);
      if (parents.isPresent()) {
        try {
          walker.onAttached(id, parents.get());
        } catch (IllegalStateException e) {
          // The start milestone is not stored (pruned, or a node started from a snapshot): the
          // weights wait for a start they can read; selection falls back to the pool meanwhile.
          LOG.debug("walk weights not updated: {}", e.getMessage());
          return;
        }
      }
    }
  }

  @Override
  public TipSelection select(int count) {
    TipSelection.checkCount(count);
    Set<TransactionId> chosen = new LinkedHashSet<>();
    Optional<TransactionId> start = start();
    int walks = 0;
    while (start.isPresent()
        && chosen.size() < count
        && walks < count * WeightedWalkTipSelector.WALKS_PER_PARENT) {
      walks++;
      Optional<TransactionId> end = walker.walk(start.get(), maxSteps);
      if (end.isPresent() && pool.isSelectable(end.get())) {
        chosen.add(end.get());
        count(true);
      } else {
        count(false);
      }
    }
    if (chosen.size() < count) {
      synchronized (this) {
        uniformFills++;
      }
      TipSelection uniform = pool.select(count);
      if (chosen.isEmpty()) {
        return uniform;
      }
      // Fill from the pool's uniform choice, which keeps the same below-max-depth rule.
      for (TransactionId tip : uniform.parents()) {
        if (chosen.size() < count && pool.contains(tip)) {
          chosen.add(tip);
        }
      }
    }
    return TipSelection.of(new ArrayList<>(chosen), count);
  }

  private Optional<TransactionId> start() {
    try {
      return Optional.of(walker.start());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  private synchronized void count(boolean toTip) {
    if (toTip) {
      walksToTips++;
    } else {
      walksElsewhere++;
    }
  }

  /** Walks that ended on a selectable tip of the pool. */
  public synchronized long walksToTips() {
    return walksToTips;
  }

  /** Walks that ended elsewhere (lazy, outside the pool) or were cut at {@code maxSteps}. */
  public synchronized long walksElsewhere() {
    return walksElsewhere;
  }

  /** Selections completed by the pool's uniform choice. */
  public synchronized long uniformFills() {
    return uniformFills;
  }
}
