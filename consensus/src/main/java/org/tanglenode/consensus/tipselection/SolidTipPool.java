package org.tanglenode.consensus.tipselection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * The node's tip pool: exactly the solid transactions that no solid transaction approves, bounded,
 * with restricted uniform random selection over it. The node's transactions and the coordinator's
 * milestones both take their parents from here.
 *
 * <p><b>The invariant.</b> After every {@link #solid} call returns, the pool equals {transactions
 * marked solid in the {@link SolidDag} and named to this pool} minus {those with a solid approver},
 * whatever order the transactions were stored and became solid in, a whole backlog at once, and
 * with calls from several threads. It holds because of two rules, applied under this object's lock
 * for each transaction T named solid:
 *
 * <ol>
 *   <li>T's parents leave the pool (they now have a solid child);
 *   <li>T enters only if the DAG shows no solid approver of T. A child that became solid earlier
 *       was marked before it was named, so it is seen here; one marked later removes T when it is
 *       named.
 * </ol>
 *
 * <p>So a batch in which children come before parents, or a parent named after its child on another
 * thread, still leaves only tips. Each call reads the parents and approvers of T from the DAG
 * (storage reads, mostly cache hits for transactions just written): O(parents + approvers) per
 * transaction, nothing kept in memory for transactions that are not tips.
 *
 * <p><b>Bound.</b> At most {@link TipPoolConfig#maxTips()} tips. Past it the tip that entered first
 * is evicted and counted ({@link #evicted()}); it stays stored and is found again by {@link
 * #rebuild} at the next start. The bound is far above the tip count of a working network (about 2 x
 * arrival rate x milestone interval), so eviction means thousands of disjoint tips arrived at once.
 *
 * <p><b>Selection.</b> Uniform among the tips that are not <em>lazy</em>: a tip is lazy once it has
 * waited in the pool for more than {@link TipPoolConfig#maxDepth()} milestones without an approver.
 * A lazy tip is not chosen for new transactions but stays in the pool: the coordinator references
 * the oldest tips first, so it is still confirmed (docs/tip-selection.md).
 */
public final class SolidTipPool implements SolidListener, ParentSelector {

  private static final Logger LOG = LoggerFactory.getLogger(SolidTipPool.class);

  private final SolidDag dag;
  private final TipPoolConfig config;
  private final RandomGenerator random;

  /** Every tip, in the order it entered, with the latest milestone index at that moment. */
  private final LinkedHashMap<TransactionId, Integer> entered = new LinkedHashMap<>();

  /** The tips not found lazy yet: a subset of {@link #entered}, with O(1) random access. */
  private final TipPool selectable = new TipPool();

  private long evicted;
  private long lazy;

  public SolidTipPool(SolidDag dag, TipPoolConfig config, RandomGenerator random) {
    this.dag = Objects.requireNonNull(dag, "dag");
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Transactions that became solid, in any order. */
  @Override
  public synchronized void solid(List<TransactionId> ids) {
    int latest = dag.latestMilestone().index();
    for (TransactionId id : ids) {
      dag.parents(id).ifPresent(parents -> parents.forEach(this::remove));
      enterIfTip(id, latest);
    }
    evictOverBound();
  }

  /**
   * Fills the pool from storage at start: {@code storedTips} are the stored transactions without a
   * stored approver (storage's tip column). A solid one is a tip; from an unsolid one the walk goes
   * down through unsolid transactions to the solid ones they approve, which are tips unless some
   * solid transaction approves them. Every stored transaction lies below some stored tip, so this
   * finds every solid transaction without a solid child. Cost: one read per unsolid transaction and
   * per candidate. Returns the number of tips added.
   */
  public int rebuild(Collection<TransactionId> storedTips) {
    Set<TransactionId> seen = new HashSet<>(storedTips);
    ArrayDeque<TransactionId> unsolid = new ArrayDeque<>();
    List<TransactionId> candidates = new ArrayList<>();
    for (TransactionId tip : storedTips) {
      if (dag.isSolid(tip)) {
        candidates.add(tip);
      } else {
        unsolid.add(tip);
      }
    }
    while (!unsolid.isEmpty()) {
      Optional<List<TransactionId>> parents = dag.parents(unsolid.poll());
      for (TransactionId parent : parents.orElse(List.of())) {
        if (seen.add(parent)) {
          if (dag.isSolid(parent)) {
            candidates.add(parent);
          } else if (dag.parents(parent).isPresent()) {
            unsolid.add(parent);
          }
        }
      }
    }
    int added = 0;
    synchronized (this) {
      int latest = dag.latestMilestone().index();
      for (TransactionId candidate : candidates) {
        if (enterIfTip(candidate, latest)) {
          added++;
        }
      }
      evictOverBound();
    }
    return added;
  }

  private boolean enterIfTip(TransactionId id, int latest) {
    if (entered.containsKey(id) || dag.hasSolidApprover(id)) {
      return false;
    }
    entered.put(id, latest);
    selectable.add(id);
    return true;
  }

  private void remove(TransactionId id) {
    if (entered.remove(id) != null) {
      selectable.remove(id);
    }
  }

  private void evictOverBound() {
    Iterator<TransactionId> oldest = entered.keySet().iterator();
    while (entered.size() > config.maxTips()) {
      TransactionId id = oldest.next();
      oldest.remove();
      selectable.remove(id);
      evicted++;
      if (evicted == 1 || evicted % 10_000 == 0) {
        LOG.warn(
            "The tip pool is full ({} tips, tips.maxTracked): {} oldest tips evicted so far; they"
                + " are found again at the next start",
            config.maxTips(),
            evicted);
      }
    }
  }

  /**
   * Chooses up to {@code count} distinct tips uniformly at random among those that are not lazy
   * (see the class comment); the latest milestone (or the root) when there is none. A lazy tip met
   * on the way leaves the selectable set for good (it stays in the pool). O(count) plus O(1) per
   * lazy tip, each met once.
   *
   * @throws IllegalArgumentException if {@code count} is not 1 to 8
   */
  @Override
  public synchronized TipSelection select(int count) {
    TipSelection.checkCount(count);
    MilestoneRef latest = dag.latestMilestone();
    List<TransactionId> chosen = new ArrayList<>(count);
    int next = 0;
    while (chosen.size() < count && next < selectable.size()) {
      selectable.swap(next, next + random.nextInt(selectable.size() - next));
      TransactionId tip = selectable.get(next);
      if (latest.index() - entered.get(tip) > config.maxDepth()) {
        selectable.removeAt(next);
        lazy++;
      } else {
        chosen.add(tip);
        next++;
      }
    }
    if (chosen.isEmpty()) {
      return new TipSelection(List.of(latest.id()), TipSelection.Outcome.FALLBACK_TO_MILESTONE);
    }
    return TipSelection.of(chosen, count);
  }

  /** Up to {@code limit} tips, the one that entered first first (lazy ones included). */
  public synchronized List<TransactionId> oldest(int limit) {
    List<TransactionId> out = new ArrayList<>(Math.min(limit, entered.size()));
    for (TransactionId id : entered.keySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(id);
    }
    return out;
  }

  /**
   * Up to {@code limit} distinct tips drawn uniformly from the selectable ones; none are removed.
   */
  public synchronized List<TransactionId> sample(int limit) {
    int n = Math.min(limit, selectable.size());
    List<TransactionId> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      selectable.swap(i, i + random.nextInt(selectable.size() - i));
      out.add(selectable.get(i));
    }
    return out;
  }

  /** A copy of every tip. O(size). */
  public synchronized Set<TransactionId> snapshot() {
    return Set.copyOf(entered.keySet());
  }

  /**
   * Whether {@code id} is a tip that {@link #select} could choose now: in the pool and not lazy
   * (unapproved for at most {@code maxDepth} milestones).
   */
  public synchronized boolean isSelectable(TransactionId id) {
    Integer at = entered.get(id);
    return at != null && dag.latestMilestone().index() - at <= config.maxDepth();
  }

  public synchronized boolean contains(TransactionId id) {
    return entered.containsKey(id);
  }

  /** The number of tips, lazy ones included. */
  public synchronized int size() {
    return entered.size();
  }

  /** The milestone index that was latest when {@code id} entered, if it is a tip. */
  public synchronized Optional<Integer> enteredAt(TransactionId id) {
    return Optional.ofNullable(entered.get(id));
  }

  /** Tips evicted at the bound so far. */
  public synchronized long evicted() {
    return evicted;
  }

  /** Tips found lazy by selections so far. */
  public synchronized long lazy() {
    return lazy;
  }

  public TipPoolConfig config() {
    return config;
  }
}
