package org.tanglenode.consensus.tipselection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;

/**
 * Cumulative weights for the weighted random walk, kept incrementally for the walk window.
 *
 * <p>The cumulative weight of a transaction x is {@code H(x) = 1 + } the number of transactions
 * that approve x directly or indirectly (its future cone). The walk starts at the milestone {@code
 * startDepth} milestones below the latest one (the root while there are fewer) and only visits the
 * start's future cone, so only the <em>window</em> needs weights: the start and every transaction
 * attached after it that approves a transaction of the window.
 *
 * <p><b>Update.</b> When a transaction y is attached, every window member in its past cone gains 1:
 * a depth-first walk over parents inside the window, with an epoch mark instead of a visited set. A
 * path from y down to a window member x only passes through transactions attached after x, all in
 * the window, so the result is exact: {@code weight(x)} equals a from-scratch count of x's future
 * cone. Cost per attachment: O(size of y's past cone inside the window), at most the window size,
 * which is about (arrival rate) x (milestone interval) x ({@code startDepth} + 1).
 *
 * <p><b>Moving the window.</b> When a new milestone moves the start, transactions attached before
 * the new start are dropped (amortized O(1) each) and the weights of the rest stay valid. If the
 * new start was never in the window (milestones that do not approve each other, or weights created
 * over an existing DAG), the window is rebuilt from the view: its future cone is collected through
 * {@link TangleView#approvers}, ordered parents first and replayed, O(window size x past cone).
 *
 * <p>Not thread-safe: its owner ({@link WeightedWalkTipSelector}) synchronizes.
 */
public final class CumulativeWeights implements TangleListener {

  private static final class Entry {
    final TransactionId id;
    final long order;
    Entry[] parents;
    int weight = 1;
    int mark;

    Entry(TransactionId id, long order, Entry[] parents) {
      this.id = id;
      this.order = order;
      this.parents = parents;
    }
  }

  private static final Entry[] NO_PARENTS = new Entry[0];

  /** No bound on the window (the simulator's and the tests' weights). */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private final WalkView view;
  private final int startDepth;
  private final int maxWindow;
  private final Map<TransactionId, Entry> entries = new HashMap<>();
  private final ArrayDeque<Entry> inOrder = new ArrayDeque<>();
  private Entry start;
  private int startIndex = -1;
  private long nextOrder;
  private int markEpoch;
  private long rebuilds;

  /** Weights over {@code view} for walks starting {@code startDepth} milestones deep. */
  public CumulativeWeights(WalkView view, int startDepth) {
    this(view, startDepth, UNBOUNDED);
  }

  /**
   * Weights over {@code view} for walks starting {@code startDepth} milestones deep, for at most
   * {@code maxWindow} transactions. Beyond the bound a new transaction is left out of the window as
   * if it approved nothing in it (weight 1, and walks step over it unweighted) until the start
   * moves on: so an update costs at most {@code maxWindow} steps even when milestones stop or a
   * backlog becomes solid at once, at the price of exact weights in that case.
   */
  public CumulativeWeights(WalkView view, int startDepth, int maxWindow) {
    if (startDepth < 0) {
      throw new IllegalArgumentException("startDepth is >= 0, got " + startDepth);
    }
    if (maxWindow < 1) {
      throw new IllegalArgumentException("maxWindow is >= 1, got " + maxWindow);
    }
    this.view = Objects.requireNonNull(view, "view");
    this.startDepth = startDepth;
    this.maxWindow = maxWindow;
  }

  /** The transaction walks start from now: a milestone, or the root. */
  public TransactionId start() {
    advance();
    return start.id;
  }

  /**
   * The cumulative weight of a transaction of the current window; 1 for one not (yet) in it. Does
   * not move the window ({@link #start()} and {@link #onAttached} do), so a walk sees one window.
   */
  public int weight(TransactionId id) {
    Entry entry = entries.get(id);
    return entry == null ? 1 : entry.weight;
  }

  /** The number of transactions the window holds. */
  public int windowSize() {
    advance();
    return entries.size();
  }

  /** How many times the window had to be rebuilt from the view (the first build included). */
  public long rebuilds() {
    return rebuilds;
  }

  public int startDepth() {
    return startDepth;
  }

  @Override
  public void onAttached(TransactionId id, List<TransactionId> parents) {
    if (start == null) {
      advance(); // builds the window from the view, which already holds id
      return;
    }
    // Add first, then move: a milestone that approves the window becomes the start without a
    // rebuild.
    if (!entries.containsKey(id)) {
      add(id, parents);
    }
    advance();
  }

  private void advance() {
    int wanted = Math.max(0, view.latestMilestone().index() - startDepth);
    if (start != null && wanted == startIndex) {
      return;
    }
    TransactionId startId =
        view.milestone(wanted)
            .orElseThrow(
                () -> new IllegalStateException("the view lost milestone " + wanted + ", pruned?"));
    Entry entry = entries.get(startId);
    if (entry == null) {
      rebuild(startId);
    } else {
      while (inOrder.peekFirst().order < entry.order) {
        Entry dropped = inOrder.pollFirst();
        dropped.parents = NO_PARENTS;
        entries.remove(dropped.id);
      }
      start = entry;
    }
    startIndex = wanted;
  }

  private void add(TransactionId id, List<TransactionId> parentIds) {
    List<Entry> parents = new ArrayList<>(parentIds.size());
    for (TransactionId parentId : parentIds) {
      Entry parent = entries.get(parentId);
      if (parent != null) {
        parents.add(parent);
      }
    }
    if (parents.isEmpty()) {
      return; // outside the window: walks from the start never reach it
    }
    if (entries.size() >= maxWindow) {
      return; // the window is full: weighed as 1 until the start moves on
    }
    Entry entry = new Entry(id, nextOrder++, parents.toArray(NO_PARENTS));
    entries.put(id, entry);
    inOrder.addLast(entry);

    long floor = start.order;
    int epoch = ++markEpoch;
    ArrayDeque<Entry> stack = new ArrayDeque<>();
    for (Entry parent : entry.parents) {
      parent.mark = epoch;
      stack.push(parent);
    }
    while (!stack.isEmpty()) {
      Entry approved = stack.pop();
      approved.weight++;
      for (Entry parent : approved.parents) {
        if (parent.mark != epoch && parent.order >= floor) {
          parent.mark = epoch;
          stack.push(parent);
        }
      }
    }
  }

  private void rebuild(TransactionId startId) {
    rebuilds++;
    entries.clear();
    inOrder.clear();

    // The start's future cone, then parents before children (Kahn's order within the cone).
    Set<TransactionId> cone = new LinkedHashSet<>();
    ArrayDeque<TransactionId> queue = new ArrayDeque<>();
    cone.add(startId);
    queue.add(startId);
    while (!queue.isEmpty() && cone.size() < maxWindow) {
      for (TransactionId approver : view.approvers(queue.poll())) {
        if (cone.add(approver)) {
          queue.add(approver);
        }
      }
    }
    Map<TransactionId, Integer> waiting = new HashMap<>();
    for (TransactionId id : cone) {
      if (!id.equals(startId)) {
        int inCone = 0;
        for (TransactionId parent : view.parents(id)) {
          if (cone.contains(parent)) {
            inCone++;
          }
        }
        waiting.put(id, inCone);
      }
    }
    start = new Entry(startId, nextOrder++, NO_PARENTS);
    entries.put(startId, start);
    inOrder.addLast(start);
    queue.add(startId);
    while (!queue.isEmpty()) {
      TransactionId ready = queue.poll();
      if (!ready.equals(startId)) {
        add(ready, view.parents(ready));
      }
      for (TransactionId approver : view.approvers(ready)) {
        if (waiting.merge(approver, -1, Integer::sum) == 0) {
          queue.add(approver);
        }
      }
    }
  }
}
