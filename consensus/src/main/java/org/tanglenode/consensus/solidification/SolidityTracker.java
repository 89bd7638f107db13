package org.tanglenode.consensus.solidification;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;

/**
 * The solidifier's bookkeeping, on one thread. A transaction is solid when every parent is solid
 * (the network root and solid entry points are). One that is not waits in memory, listed under each
 * parent it waits for ({@code parent -> waiting children}); when a parent becomes solid, its
 * waiting children are looked at, so solidity spreads without rescanning the DAG. A missing parent
 * is requested when the first child starts waiting for it, and again at every {@link #sweep()}
 * while it is still missing (a request can be lost: no peer connected, every peer lacked it). A
 * parent that is stored but not solid and not waiting is looked at again from its stored parents.
 *
 * <p>Solidity also spreads along stored approvers: when a transaction becomes solid, its stored
 * children that are not solid and not waiting are looked at too. So a child the tracker dropped, or
 * one stored before a restart, becomes solid with its parent and needs no later child to reach it.
 * After a restart, {@link #resume} walks down from the stored tips, which reaches every stored
 * transaction that is not solid yet (each is in the past cone of a tip).
 *
 * <p>At most {@code maxPending} transactions wait; beyond that the oldest is dropped, and any older
 * than {@code maxPendingAge} are dropped by {@link #sweep()}; both are counted. A dropped
 * transaction stays stored and unsolid and is looked at again when a parent of it becomes solid or
 * a later child reaches it.
 */
public final class SolidityTracker {

  /** Stored approvers looked at when a transaction becomes solid (the store's largest page). */
  static final int APPROVERS_PER_LOOKUP = 10_000;

  private final SolidifierConfig config;
  private final SolidityStore store;
  private final MissingTransactionRequester requester;
  private final Clock clock;

  private final LinkedHashMap<TransactionId, Waiting> waiting = new LinkedHashMap<>();
  private final Map<TransactionId, List<TransactionId>> waitersByParent = new HashMap<>();
  private final Set<TransactionId> recentlySolid;
  private final List<TransactionId> newlySolid = new ArrayList<>();

  /** Stored transactions to look at, in order. */
  private final Deque<Candidate> work = new ArrayDeque<>();

  /** Transactions that became solid whose children are not looked at yet, in order. */
  private final Deque<TransactionId> spreading = new ArrayDeque<>();

  private long droppedForCapacity;
  private long droppedForAge;
  private long requested;
  private long requestsRefused;
  private long rerequested;

  public SolidityTracker(
      SolidifierConfig config,
      SolidityStore store,
      MissingTransactionRequester requester,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.requester = Objects.requireNonNull(requester, "requester");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recentlySolid =
        java.util.Collections.newSetFromMap(new BoundedLru(config.solidCacheSize()));
  }

  /**
   * Looks at a stored transaction with these parents, and at everything that becomes solid with it,
   * before returning. Tests and small cascades; the solidifier uses {@link #enqueue} and {@link
   * #step} so that a cascade of any size is marked in bounded batches.
   */
  public void stored(TransactionId id, List<TransactionId> parents) {
    enqueue(id, parents);
    step(Integer.MAX_VALUE);
  }

  /** Queues a stored transaction to be looked at by the next {@link #step}. */
  public void enqueue(TransactionId id, List<TransactionId> parents) {
    work.add(new Candidate(id, List.copyOf(parents)));
  }

  /**
   * Looks at queued transactions and spreads solidity until at least {@code maxSolid} transactions
   * became solid since the last {@link #takeNewlySolid} (a few more when the last one had several
   * waiting children), or nothing is left to do. Returns whether work is left: a backlog of a
   * million transactions that becomes solid at once (its first transaction arrived last) is then
   * spread over many steps, each marked before the next, instead of one list and one write of a
   * million.
   */
  public boolean step(int maxSolid) {
    while (newlySolid.size() < maxSolid) {
      TransactionId solid = spreading.poll();
      if (solid != null) {
        spread(solid);
      } else {
        Candidate next = work.poll();
        if (next == null) {
          return false;
        }
        examine(next.id, next.parents);
      }
    }
    return hasWork();
  }

  /** Whether a cascade or queued transactions are left for a later {@link #step}. */
  public boolean hasWork() {
    return !spreading.isEmpty() || !work.isEmpty();
  }

  /**
   * After a restart: looks at every stored tip that is not solid, walking down its unsolid past
   * cone (missing parents are requested). Returns how many tips were looked at.
   */
  public int resume(Iterable<TransactionId> tips) {
    int looked = 0;
    for (TransactionId tip : tips) {
      if (resumeTip(tip)) {
        looked++;
      }
    }
    step(Integer.MAX_VALUE);
    return looked;
  }

  /**
   * Queues one stored tip for {@link #resume}, if it is stored, not solid and not waiting; the walk
   * down its cone happens in the following steps. Returns whether it was queued.
   */
  public boolean resumeTip(TransactionId tip) {
    if (isSolid(tip) || waiting.containsKey(tip)) {
      return false;
    }
    Optional<List<TransactionId>> parents = store.parents(tip);
    parents.ifPresent(p -> enqueue(tip, p));
    return parents.isPresent();
  }

  private void examine(TransactionId id, List<TransactionId> parents) {
    if (waiting.containsKey(id) || isSolid(id)) {
      return;
    }
    Set<TransactionId> missing = new LinkedHashSet<>();
    for (TransactionId parent : parents) {
      if (!isSolid(parent)) {
        missing.add(parent);
      }
    }
    if (missing.isEmpty()) {
      becameSolid(id);
      return;
    }
    while (waiting.size() >= config.maxPending()) {
      drop(waiting.keySet().iterator().next());
      droppedForCapacity++;
    }
    waiting.put(id, new Waiting(missing, clock.millis()));
    for (TransactionId parent : missing) {
      List<TransactionId> children = waitersByParent.get(parent);
      boolean first = children == null;
      if (first) {
        children = new ArrayList<>(2);
        waitersByParent.put(parent, children);
      }
      children.add(id);
      if (first && !waiting.containsKey(parent)) {
        Optional<List<TransactionId>> stored = store.parents(parent);
        if (stored.isPresent()) {
          work.add(new Candidate(parent, stored.get()));
        } else if (requester.request(parent)) {
          requested++;
        } else {
          requestsRefused++;
        }
      }
    }
  }

  private void becameSolid(TransactionId id) {
    markedSolid(id);
    spreading.add(id);
  }

  private void markedSolid(TransactionId id) {
    recentlySolid.add(id);
    newlySolid.add(id);
  }

  /** The waiting children of a transaction that became solid, then its untracked approvers. */
  private void spread(TransactionId id) {
    List<TransactionId> children = waitersByParent.remove(id);
    if (children != null) {
      for (TransactionId child : children) {
        Waiting entry = waiting.get(child);
        if (entry != null && entry.missing.remove(id) && entry.missing.isEmpty()) {
          waiting.remove(child);
          becameSolid(child);
        }
      }
    }
    // Children the tracker does not hold (dropped, stored before a restart, or offered while the
    // queue was full) are looked at from storage; tracked ones were handled just above.
    for (TransactionId child : store.approvers(id, APPROVERS_PER_LOOKUP)) {
      if (!waiting.containsKey(child) && !recentlySolid.contains(child)) {
        store.parents(child).ifPresent(parents -> work.add(new Candidate(child, parents)));
      }
    }
  }

  /**
   * Drops waiting transactions older than {@code maxPendingAge}, then asks again for every parent
   * still awaited and not stored (the requester ignores one it is already asking for).
   */
  public void sweep() {
    long oldest = clock.millis() - config.maxPendingAge().toMillis();
    Iterator<Map.Entry<TransactionId, Waiting>> entries = waiting.entrySet().iterator();
    List<TransactionId> expired = new ArrayList<>();
    while (entries.hasNext()) {
      Map.Entry<TransactionId, Waiting> entry = entries.next();
      if (entry.getValue().sinceMs > oldest) {
        break; // insertion order is age order
      }
      expired.add(entry.getKey());
    }
    for (TransactionId id : expired) {
      drop(id);
      droppedForAge++;
    }
    for (TransactionId parent : List.copyOf(waitersByParent.keySet())) {
      if (!waiting.containsKey(parent) && store.parents(parent).isEmpty()) {
        if (requester.request(parent)) {
          rerequested++;
        } else {
          requestsRefused++;
        }
      }
    }
  }

  private void drop(TransactionId id) {
    Waiting entry = waiting.remove(id);
    if (entry == null) {
      return;
    }
    for (TransactionId parent : entry.missing) {
      List<TransactionId> children = waitersByParent.get(parent);
      if (children != null) {
        children.remove(id);
        if (children.isEmpty()) {
          waitersByParent.remove(parent);
        }
      }
    }
  }

  private boolean isSolid(TransactionId id) {
    return recentlySolid.contains(id) || store.isSolid(id);
  }

  /** The transactions that became solid since the last call, parents first; clears the list. */
  public List<TransactionId> takeNewlySolid() {
    List<TransactionId> out = List.copyOf(newlySolid);
    newlySolid.clear();
    return out;
  }

  /** Transactions that became solid and were not taken yet. */
  public int newlySolidCount() {
    return newlySolid.size();
  }

  public int waitingCount() {
    return waiting.size();
  }

  /** Parents that some waiting transaction waits for. */
  public int awaitedParentCount() {
    return waitersByParent.size();
  }

  public long droppedForCapacity() {
    return droppedForCapacity;
  }

  public long droppedForAge() {
    return droppedForAge;
  }

  public long requested() {
    return requested;
  }

  /** Requests for missing parents made again by a sweep. */
  public long rerequested() {
    return rerequested;
  }

  public long requestsRefused() {
    return requestsRefused;
  }

  private record Candidate(TransactionId id, List<TransactionId> parents) {}

  private static final class Waiting {
    final Set<TransactionId> missing;
    final long sinceMs;

    Waiting(Set<TransactionId> missing, long sinceMs) {
      this.missing = missing;
      this.sinceMs = sinceMs;
    }
  }

  /** Insertion-ordered map that forgets its eldest entry beyond a size. */
  private static final class BoundedLru extends LinkedHashMap<TransactionId, Boolean> {
    private final int max;

    BoundedLru(int max) {
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<TransactionId, Boolean> eldest) {
      return size() > max;
    }
  }
}
