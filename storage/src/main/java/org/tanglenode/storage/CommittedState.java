package org.tanglenode.storage;

import io.micrometer.core.instrument.Counter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters and milestone indexes as of the last written group: written by the writer thread only,
 * read by any thread.
 */
final class CommittedState {

  private volatile long transactionCount;
  private volatile long milestoneCount;
  private final Map<MilestoneKind, Integer> indexes = new EnumMap<>(MilestoneKind.class);
  private final Counter stored;

  CommittedState(
      long transactionCount,
      long milestoneCount,
      Map<MilestoneKind, Integer> indexes,
      Counter stored) {
    this.transactionCount = transactionCount;
    this.milestoneCount = milestoneCount;
    this.indexes.putAll(indexes);
    this.stored = stored;
  }

  long transactionCount() {
    return transactionCount;
  }

  long milestoneCount() {
    return milestoneCount;
  }

  synchronized int milestoneIndex(MilestoneKind kind) {
    return indexes.getOrDefault(kind, 0);
  }

  synchronized void publish(
      long transactions, long milestones, Map<MilestoneKind, Integer> changedIndexes) {
    indexes.putAll(changedIndexes);
    milestoneCount = milestones;
    transactionCount = transactions;
  }

  void countStored(long count) {
    if (count > 0) {
      stored.increment(count);
    }
  }
}
