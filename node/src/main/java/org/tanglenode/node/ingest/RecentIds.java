package org.tanglenode.node.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanglenode.protocol.TransactionId;

/**
 * The seen-before filter in front of the signature workers: ids being checked or stored recently,
 * at most {@code capacity} of them (the oldest is forgotten first). Forgetting only costs a storage
 * look-up later; it never lets a duplicate be stored twice (storage answers ALREADY_STORED).
 */
final class RecentIds {

  private final int capacity;
  private final LinkedHashMap<TransactionId, Boolean> ids;

  RecentIds(int capacity) {
    this.capacity = capacity;
    this.ids =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<TransactionId, Boolean> eldest) {
            return size() > RecentIds.this.capacity;
          }
        };
  }

  /** Adds {@code id}; false if it was there already. */
  synchronized boolean add(TransactionId id) {
    return ids.putIfAbsent(id, Boolean.TRUE) == null;
  }

  synchronized void remove(TransactionId id) {
    ids.remove(id);
  }

  synchronized int size() {
    return ids.size();
  }
}
