package org.tanglenode.consensus.tipselection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanglenode.protocol.TransactionId;

/**
 * The tips a selector may choose from, as a set with O(1) add, remove and access by position (an
 * array plus an index map; removal moves the last element into the gap). Positions carry no meaning
 * and change on removal. Not thread-safe: its owner synchronizes.
 */
public final class TipPool {

  private TransactionId[] tips = new TransactionId[64];
  private int size;
  private final Map<TransactionId, Integer> positions = new HashMap<>();

  /** Adds a tip; returns false if it was already in the pool. O(1). */
  public boolean add(TransactionId tip) {
    if (positions.putIfAbsent(tip, size) != null) {
      return false;
    }
    if (size == tips.length) {
      tips = Arrays.copyOf(tips, size * 2);
    }
    tips[size++] = tip;
    return true;
  }

  /** Removes a transaction; returns false if it was not in the pool. O(1). */
  public boolean remove(TransactionId tip) {
    Integer position = positions.get(tip);
    if (position == null) {
      return false;
    }
    removeAt(position);
    return true;
  }

  /** Removes the tip at {@code position}; the last tip takes its place. O(1). */
  public void removeAt(int position) {
    TransactionId removed = tips[position];
    int last = --size;
    if (position != last) {
      tips[position] = tips[last];
      positions.put(tips[position], position);
    }
    tips[last] = null;
    positions.remove(removed);
  }

  /** Exchanges the tips at two positions. O(1). */
  public void swap(int i, int j) {
    if (i == j) {
      return;
    }
    TransactionId a = tips[i];
    tips[i] = tips[j];
    tips[j] = a;
    positions.put(tips[i], i);
    positions.put(tips[j], j);
  }

  /** The tip at a position, 0 to {@code size() - 1}. */
  public TransactionId get(int position) {
    if (position < 0 || position >= size) {
      throw new IndexOutOfBoundsException(position);
    }
    return tips[position];
  }

  public boolean contains(TransactionId tip) {
    return positions.containsKey(tip);
  }

  public int size() {
    return size;
  }

  /** A snapshot of the pool, in no particular order. */
  public List<TransactionId> snapshot() {
    return List.of(Arrays.copyOf(tips, size));
  }
}
