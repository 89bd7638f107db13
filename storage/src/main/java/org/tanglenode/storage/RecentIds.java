package org.tanglenode.storage;

import java.util.HashSet;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;

/**
 * The ids the writer stored most recently, at most {@code capacity}, oldest forgotten first. Only a
 * shortcut: an id missing here may still be stored (the writer then reads the database), an id
 * present here is stored unless it was pruned meanwhile (pruning removes it). Writer thread only.
 */
final class RecentIds {

  private final TransactionId[] ring;
  private final Set<TransactionId> present;
  private int next;

  RecentIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ring = new TransactionId[capacity];
    this.present = new HashSet<>(Math.min(capacity, 1 << 20) * 2);
  }

  boolean contains(TransactionId id) {
    return present.contains(id);
  }

  void add(TransactionId id) {
    TransactionId evicted = ring[next];
    if (evicted != null) {
      present.remove(evicted); // a stale entry may drop a newer copy: only a later cache miss
    }
    ring[next] = id;
    next = (next + 1) % ring.length;
    present.add(id);
  }

  void remove(TransactionId id) {
    present.remove(id);
  }
}
