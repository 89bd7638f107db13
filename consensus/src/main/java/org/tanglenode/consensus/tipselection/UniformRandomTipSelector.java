package org.tanglenode.consensus.tipselection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.tanglenode.protocol.TransactionId;

/**
 * Restricted uniform random tip selection (the default): each selection takes distinct tips
 * uniformly at random from a {@link TipPool}, leaving out <em>lazy</em> tips, whose past cone
 * reaches more than {@code maxDepth} milestones below the latest one:
 *
 * <pre>latestMilestone().index() - coneRootIndexes(tip).oldest() &gt; maxDepth</pre>
 *
 * <p>so that no new transaction builds on a lazy part of the Tangle (the same rule as Hornet's
 * maximum delta between a tip's oldest cone root and the latest milestone). A lazy tip found by a
 * selection is taken out of the pool for good (the latest index only grows, so it stays lazy but in
 * the rare case that a later milestone confirms part of its cone) and counted in {@link
 * #evictedLazyTips()}.
 *
 * <p>Cost: O(count) pool operations and view reads per selection (a partial Fisher-Yates shuffle
 * over the pool), plus O(1) for each lazy tip evicted, each at most once; O(parents) per
 * attachment. Thread-safe: selection and attachment are synchronized on this object.
 */
public final class UniformRandomTipSelector implements TipSelector {

  /** The default {@code maxDepth}, in milestones (IRI's default depth limit). */
  public static final int DEFAULT_MAX_DEPTH = 15;

  private final TangleView view;
  private final TipPool pool;
  private final int maxDepth;
  private final RandomGenerator random;
  private long evictedLazyTips;

  /**
   * A selector over a pool that the caller has filled with the view's current tips (see {@link
   * #over}).
   */
  public UniformRandomTipSelector(
      TangleView view, TipPool pool, int maxDepth, RandomGenerator random) {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth is >= 0, got " + maxDepth);
    }
    this.view = Objects.requireNonNull(view, "view");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.maxDepth = maxDepth;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A selector whose pool starts with the view's current tips. O(number of tips). */
  public static UniformRandomTipSelector over(
      TangleView view, int maxDepth, RandomGenerator random) {
    TipPool pool = new TipPool();
    for (TransactionId tip : view.tips()) {
      pool.add(tip);
    }
    return new UniformRandomTipSelector(view, pool, maxDepth, random);
  }

  @Override
  public synchronized TipSelection select(int count) {
    TipSelection.checkCount(count);
    MilestoneRef latestMilestone = view.latestMilestone();
    int latest = latestMilestone.index();
    List<TransactionId> chosen = new ArrayList<>(count);
    int next = 0;
    while (chosen.size() < count && next < pool.size()) {
      pool.swap(next, next + random.nextInt(pool.size() - next));
      TransactionId tip = pool.get(next);
      if (latest - view.coneRootIndexes(tip).oldest() > maxDepth) {
        pool.removeAt(next);
        evictedLazyTips++;
      } else {
        chosen.add(tip);
        next++;
      }
    }
    if (chosen.isEmpty()) {
      return new TipSelection(
          List.of(latestMilestone.id()), TipSelection.Outcome.FALLBACK_TO_MILESTONE);
    }
    return TipSelection.of(chosen, count);
  }

  @Override
  public synchronized void onAttached(TransactionId id, List<TransactionId> parents) {
    for (TransactionId parent : parents) {
      pool.remove(parent);
    }
    pool.add(id);
  }

  /** The number of tips in the pool, lazy ones not yet found included. */
  public synchronized int poolSize() {
    return pool.size();
  }

  /** How many lazy tips selections have taken out of the pool so far. */
  public synchronized long evictedLazyTips() {
    return evictedLazyTips;
  }

  public int maxDepth() {
    return maxDepth;
  }
}
