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
 * parent it waits for ({@code parent -> waiting children}); when a parent becomes solid, only its
 * waiting children are looked at, so solidity spreads without rescanning the DAG. A missing parent
 * is requested once, when the first child starts waiting for it; a parent that is stored but not
 * solid and not waiting (a restart, or it was dropped) is looked at again from its stored parents.
 *
 * <p>At most {@code maxPending} transactions wait; beyond that the oldest is dropped, and any older
 * than {@code maxPendingAge} are dropped by {@link #sweep()}; both are counted. A dropped
 * transaction stays stored and unsolid and is looked at again when a later child reaches it.
 */
public final class SolidityTracker {

  private final SolidifierConfig config;
  private final SolidityStore store;
  private final MissingTransactionRequester requester;
  private final Clock clock;

  private final LinkedHashMap<TransactionId, Waiting> waiting = new LinkedHashMap<>();
  private final Map<TransactionId, List<TransactionId>> waitersByParent = new HashMap<>();
  private final Set<TransactionId> recentlySolid;
  private final List<TransactionId> newlySolid = new ArrayList<>();

  private long droppedForCapacity;
  private long droppedForAge;
  private long requested;
  private long requestsRefused;

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

  /** Looks at a stored transaction with these parents. */
  public void stored(TransactionId id, List<TransactionId> parents) {
    Deque<Candidate> work = new ArrayDeque<>();
    work.add(new Candidate(id, parents));
    while (!work.isEmpty()) {
      Candidate next = work.poll();
      examine(next.id, next.parents, work);
    }
  }

  private void examine(TransactionId id, List<TransactionId> parents, Deque<Candidate> work) {
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

  private void becameSolid(TransactionId first) {
    Deque<TransactionId> spreading = new ArrayDeque<>();
    spreading.add(first);
    while (!spreading.isEmpty()) {
      TransactionId id = spreading.poll();
      recentlySolid.add(id);
      newlySolid.add(id);
      List<TransactionId> children = waitersByParent.remove(id);
      if (children == null) {
        continue;
      }
      for (TransactionId child : children) {
        Waiting entry = waiting.get(child);
        if (entry != null && entry.missing.remove(id) && entry.missing.isEmpty()) {
          waiting.remove(child);
          spreading.add(child);
        }
      }
    }
  }

  /** Drops waiting transactions older than {@code maxPendingAge}. */
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
