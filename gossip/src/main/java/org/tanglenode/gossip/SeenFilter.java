package org.tanglenode.gossip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanglenode.protocol.TransactionId;

/**
 * A bounded set of transaction ids: remembers the most recent {@code capacity} ids added and
 * forgets the oldest first. Thread-safe.
 */
final class SeenFilter {

  private final LinkedHashMap<TransactionId, Boolean> ids;

  SeenFilter(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ids =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 2, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<TransactionId, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Adds {@code id}; true if it was not there. */
  synchronized boolean add(TransactionId id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  synchronized boolean contains(TransactionId id) {
    return ids.containsKey(id);
  }

  synchronized void remove(TransactionId id) {
    ids.remove(id);
  }

  synchronized int size() {
    return ids.size();
  }
}
